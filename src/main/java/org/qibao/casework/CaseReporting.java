package org.qibao.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.qibao.identity.Actor;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.casework.CaseRows.at;

/**
 * Reports from phones, and what people add to open cases. A report carries an ID its phone made,
 * so a report queued offline and sent twice (or sent by two retries at once) makes one case: the
 * unique key on reporter and report ID decides, and the later sender gets the case the first made.
 */
@Service
class CaseReporting {

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseCategories categories;

	private final ReportPlacement placement;

	private final CaseDesks desks;

	private final CaseChanges changes;

	private final Clock clock;

	CaseReporting(JdbcClient jdbc, Cases cases, CaseCategories categories, ReportPlacement placement, CaseDesks desks,
			CaseChanges changes, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.categories = categories;
		this.placement = placement;
		this.desks = desks;
		this.changes = changes;
		this.clock = clock;
	}

	@Transactional
	Case report(Actor reporter, CaseReport sent) {
		CaseReport report = sent.checked(this.clock.instant());
		Optional<Case> earlier = this.cases.findByReport(reporter.accountId(), report.reportId());
		if (earlier.isPresent()) {
			return sameReport(earlier.get(), report);
		}
		CaseCategory category = this.categories.find(report.categoryId())
			.filter(c -> !c.retired())
			.orElseThrow(() -> new BusinessRuleException("CATEGORY_NOT_FOUND", "categoryId"));
		CaseDesk desk = this.desks.of(reporter, category.communityId());
		if (!desk.administrator() && !desk.gridWorker()
				&& !reporter.has(org.qibao.identity.Role.VOLUNTEER, category.communityId())) {
			throw new BusinessRuleException("NOT_A_VOLUNTEER", "categoryId");
		}
		Long grid = this.placement.gridOf(category.communityId(), report.position());
		Instant received = this.clock.instant();
		Optional<Long> id = insert(reporter.accountId(), category, grid, report, received);
		if (id.isEmpty()) {
			// the same report, sent at the same moment by another retry, got there first
			return sameReport(this.cases.findByReport(reporter.accountId(), report.reportId()).orElseThrow(), report);
		}
		Case created = this.cases.find(id.get()).orElseThrow();
		this.changes.record(created, CaseEventKind.REPORTED, reporter.accountId(), report.reportedAt(), "",
				report.photoIds());
		return created;
	}

	private Optional<Long> insert(long reporterId, CaseCategory category, Long grid, CaseReport report, Instant received) {
		GeoPoint position = report.position();
		return this.jdbc.sql("""
				INSERT INTO grid_case (community_id, category_id, grid_id, reporter_id, report_key, description,
				                       longitude, latitude, anonymous, reported_at, received_at, stage, accept_due_at,
				                       resolve_within_minutes)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REPORTED', ?, ?)
				ON CONFLICT (reporter_id, report_key) DO NOTHING RETURNING id""")
			.params(category.communityId(), category.id(), grid, reporterId, report.reportId(), report.description(),
					position.longitude(), position.latitude(), report.anonymous(), at(report.reportedAt()), at(received),
					at(report.reportedAt().plus(Duration.ofMinutes(category.acceptWithinMinutes()))),
					category.resolveWithinMinutes())
			.query(Long.class)
			.optional();
	}

	/** The case an earlier sending of this report made; a different report under the same ID is refused. */
	private static Case sameReport(Case earlier, CaseReport report) {
		if (earlier.categoryId() != report.categoryId() || !earlier.description().equals(report.description())) {
			throw new BusinessRuleException("REPORT_ID_REUSED", "reportId");
		}
		return earlier;
	}

	/** A note (and photos) added to an open case by someone who sees it: its reporter, or a neighbour who saw the same. */
	@Transactional
	Case addInfo(Actor actor, long caseId, String note, List<String> photoIds) {
		String text = CaseReport.text(note, CaseReport.NOTE_LIMIT, "note");
		List<String> photos = CaseReport.photos(photoIds);
		Case gridCase = this.cases.find(caseId).orElseThrow(() -> new AccessDeniedException("Not allowed"));
		if (!this.desks.of(actor, gridCase.communityId()).sees(gridCase)) {
			throw new AccessDeniedException("Not allowed");
		}
		if (!gridCase.stage().open()) {
			throw new BusinessRuleException("CASE_NOT_OPEN", "caseId");
		}
		this.changes.record(gridCase, CaseEventKind.INFO_ADDED, actor.accountId(), this.clock.instant(), text, photos);
		return gridCase;
	}

	/** Open cases of the category near the position, for a reporter who may see them. */
	List<Case> duplicateSuggestions(Actor actor, long categoryId, GeoPoint position) {
		if (position == null || !position.isValid()) {
			throw new BusinessRuleException("INVALID_COORDINATES", "position");
		}
		CaseCategory category = this.categories.find(categoryId)
			.orElseThrow(() -> new BusinessRuleException("CATEGORY_NOT_FOUND", "categoryId"));
		CaseDesk desk = this.desks.of(actor, category.communityId());
		return this.cases.openNear(categoryId, position).stream().filter(desk::sees).toList();
	}

}
