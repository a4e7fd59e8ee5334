package org.qibao.casework;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import graphql.GraphQLContext;
import org.qibao.casework.photo.CasePhoto;
import org.qibao.casework.photo.CasePhotos;
import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A case's fields that come from elsewhere, each fetched for all the cases of a response at once,
 * so a board of a hundred cases costs as many statements as a board of ten.
 */
@Controller
class CaseFieldsController {

	private final CaseCategories categories;

	private final Geography geography;

	private final Accounts accounts;

	private final Departments departments;

	private final Cases cases;

	private final CaseTimelines timelines;

	private final CaseDesks desks;

	private final CasePhotos photos;

	private final Clock clock;

	CaseFieldsController(CaseCategories categories, Geography geography, Accounts accounts, Departments departments,
			Cases cases, CaseTimelines timelines, CaseDesks desks, CasePhotos photos, Clock clock) {
		this.categories = categories;
		this.geography = geography;
		this.accounts = accounts;
		this.departments = departments;
		this.cases = cases;
		this.timelines = timelines;
		this.desks = desks;
		this.photos = photos;
		this.clock = clock;
	}

	@BatchMapping(typeName = "Case")
	Map<Case, CaseCategory> category(List<Case> cases) {
		return by(cases, this.categories.findAll(ids(cases, Case::categoryId)), Case::categoryId);
	}

	@BatchMapping(typeName = "Case")
	Map<Case, Grid> grid(List<Case> cases) {
		return by(cases, this.geography.grids(ids(cases, Case::gridId)), Case::gridId);
	}

	@BatchMapping(typeName = "Case")
	Map<Case, Community> community(List<Case> cases) {
		return by(cases, this.geography.communities(ids(cases, Case::communityId)), Case::communityId);
	}

	@BatchMapping(typeName = "Case")
	Map<Case, Case> duplicateOf(List<Case> cases) {
		return by(cases, this.cases.findAll(ids(cases, Case::duplicateOfId)), Case::duplicateOfId);
	}

	/** Null for an anonymous report, except to its reporter, the community's grid workers and administrators. */
	@BatchMapping(typeName = "Case")
	Map<Case, Account> reporter(List<Case> cases, Principal principal, GraphQLContext request) {
		Map<Long, CaseDesk> desks = this.desks.of(Viewer.of(principal), ids(cases, Case::communityId), request);
		// a reporter who deleted their data is nobody, to everyone
		java.util.Set<Long> erased = this.accounts.erasedAmong(ids(cases, Case::reporterId));
		List<Case> shown = cases.stream()
			.filter(c -> desks.get(c.communityId()).showsReporter(c, erased.contains(c.reporterId())))
			.toList();
		return by(shown, this.accounts.findAll(ids(shown, Case::reporterId)), Case::reporterId);
	}

	@BatchMapping(typeName = "Case")
	Map<Case, CaseHandler> handler(List<Case> cases) {
		Map<Long, Account> people = this.accounts.findAll(ids(cases, Case::handlerAccountId));
		Map<Long, Department> teams = this.departments.findAll(ids(cases, Case::handlerDepartmentId));
		Map<Case, CaseHandler> result = new HashMap<>();
		for (Case c : cases) {
			if (c.handlerAccountId() != null || c.handlerDepartmentId() != null) {
				result.put(c, new CaseHandler(c.handlerAccountId() == null ? null : people.get(c.handlerAccountId()),
						c.handlerDepartmentId() == null ? null : teams.get(c.handlerDepartmentId())));
			}
		}
		return result;
	}

	@BatchMapping(typeName = "Case")
	Map<Case, CaseExtension> extension(List<Case> cases) {
		return by(cases, this.timelines.extensions(ids(cases, Case::id)), Case::id);
	}

	@BatchMapping(typeName = "Case")
	Map<Case, List<CasePhoto>> photos(List<Case> cases) {
		return each(cases, this.photos.ofCases(ids(cases, Case::id)));
	}

	@BatchMapping(typeName = "Case")
	Map<Case, CaseEvent> lastEvent(List<Case> cases) {
		return by(cases, this.timelines.last(ids(cases, Case::id)), Case::id);
	}

	@BatchMapping(typeName = "Case")
	Map<Case, List<CaseEvent>> timeline(List<Case> cases) {
		return each(cases, this.timelines.of(ids(cases, Case::id)));
	}

	@SchemaMapping(typeName = "Case")
	Instant dueAt(Case gridCase) {
		return gridCase.dueAt();
	}

	@SchemaMapping(typeName = "Case")
	boolean overdue(Case gridCase) {
		return gridCase.overdue(this.clock.instant());
	}

	@SchemaMapping(typeName = "Case")
	String rejection(Case gridCase) {
		return gridCase.rejection();
	}

	/**
	 * The actor of each event; the reporter's own events hide them as the case's reporter field
	 * does (null for an anonymous report, except to those who see the reporter).
	 */
	@BatchMapping(typeName = "CaseEvent")
	Map<CaseEvent, Account> actor(List<CaseEvent> events, Principal principal, GraphQLContext request) {
		Map<Long, Case> owners = this.cases.findAll(events.stream().map(CaseEvent::caseId).distinct().toList());
		Map<Long, CaseDesk> desks = this.desks.of(Viewer.of(principal),
				owners.values().stream().map(Case::communityId).distinct().toList(), request);
		java.util.Set<Long> erased = this.accounts.erasedAmong(owners.values().stream().map(Case::reporterId).distinct().toList());
		List<CaseEvent> shown = events.stream().filter(e -> e.actorId() != null).filter(e -> {
			Case c = owners.get(e.caseId());
			return desks.get(c.communityId()).showsActor(c, e.actorId(), erased.contains(c.reporterId()));
		}).toList();
		Map<Long, Account> people = this.accounts.findAll(shown.stream().map(CaseEvent::actorId).distinct().toList());
		Map<CaseEvent, Account> result = new HashMap<>();
		shown.forEach(e -> result.put(e, people.get(e.actorId())));
		return result;
	}

	/** The photos that came with each event (a report's, added information's, a resolution's evidence). */
	@BatchMapping(typeName = "CaseEvent", field = "photos")
	Map<CaseEvent, List<CasePhoto>> eventPhotos(List<CaseEvent> events) {
		Map<Long, List<CasePhoto>> found = this.photos
			.ofCases(events.stream().map(CaseEvent::caseId).distinct().toList());
		Map<CaseEvent, List<CasePhoto>> result = new HashMap<>();
		for (CaseEvent event : events) {
			result.put(event, found.getOrDefault(event.caseId(), List.of())
				.stream()
				.filter(photo -> event.photoIds().contains(photo.id().toString()))
				.toList());
		}
		return result;
	}

	private static <T> List<Long> ids(Collection<T> items, Function<T, Long> key) {
		return items.stream().map(key).filter(Objects::nonNull).distinct().toList();
	}

	/** Each case's list from lists found by case ID; an empty list for a case with none. */
	private static <T> Map<Case, List<T>> each(List<Case> cases, Map<Long, List<T>> found) {
		Map<Case, List<T>> result = new HashMap<>();
		cases.forEach(c -> result.put(c, found.getOrDefault(c.id(), List.of())));
		return result;
	}

	private static <V> Map<Case, V> by(List<Case> cases, Map<Long, V> found, Function<Case, Long> key) {
		Map<Case, V> result = new HashMap<>();
		for (Case c : cases) {
			Long k = key.apply(c);
			if (k != null && found.get(k) != null) {
				result.put(c, found.get(k));
			}
		}
		return result;
	}

}
