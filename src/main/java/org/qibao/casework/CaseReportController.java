package org.qibao.casework;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qibao.identity.Actor;
import org.qibao.shared.Connection;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** A reporter's side: reporting, adding to a case, duplicate suggestions, "my reports" and notifications. */
@Controller
class CaseReportController {

	private final CaseReporting reporting;

	private final Cases cases;

	private final CaseNotifications notifications;

	private final UserErrors userErrors;

	CaseReportController(CaseReporting reporting, Cases cases, CaseNotifications notifications, UserErrors userErrors) {
		this.reporting = reporting;
		this.cases = cases;
		this.notifications = notifications;
		this.userErrors = userErrors;
	}

	@MutationMapping
	CasePayload caseReport(@Argument CaseReportInput input, Actor actor, Locale locale) {
		Actor reporter = Actor.signedIn(actor);
		long categoryId = GlobalId.keyOf(input.categoryId(), "CaseCategory");
		CaseReport report = new CaseReport(input.reportId(), categoryId, input.description(), input.position(),
				input.reportedAt(), Boolean.TRUE.equals(input.anonymous()), input.photoIds());
		return CasePayload.of(() -> this.reporting.report(reporter, report), this.userErrors, locale);
	}

	@MutationMapping
	CasePayload caseInfoAdd(@Argument CaseInfoAddInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long caseId = GlobalId.keyOf(input.caseId(), "Case");
		return CasePayload.of(() -> this.reporting.addInfo(signedIn, caseId, input.note(), input.photoIds()),
				this.userErrors, locale);
	}

	@QueryMapping
	List<Case> caseDuplicateSuggestions(@Argument String categoryId, @Argument GeoPoint position, Actor actor) {
		return this.reporting.duplicateSuggestions(Actor.signedIn(actor), GlobalId.keyOf(categoryId, "CaseCategory"),
				position);
	}

	@QueryMapping
	Connection<Case> myCaseReports(@Argument Integer first, @Argument String after, Actor actor) {
		return this.cases.ofReporter(Actor.signedIn(actor).accountId(), Connection.Page.of(first, after));
	}

	@QueryMapping
	Connection<CaseNotification> myCaseNotifications(@Argument Integer first, @Argument String after, Actor actor) {
		return this.notifications.of(Actor.signedIn(actor).accountId(), Connection.Page.of(first, after));
	}

	/** The reporter's own cases: they always see them. */
	@BatchMapping(typeName = "CaseNotification", field = "case")
	Map<CaseNotification, Case> notifiedCase(List<CaseNotification> notifications) {
		Map<Long, Case> found = this.cases.findAll(notifications.stream().map(CaseNotification::caseId).distinct().toList());
		Map<CaseNotification, Case> result = new HashMap<>();
		notifications.forEach(n -> result.put(n, found.get(n.caseId())));
		return result;
	}

	record CaseReportInput(String reportId, String categoryId, String description, GeoPoint position,
			Instant reportedAt, Boolean anonymous, List<String> photoIds) {
	}

	record CaseInfoAddInput(String caseId, String note, List<String> photoIds) {
	}

}
