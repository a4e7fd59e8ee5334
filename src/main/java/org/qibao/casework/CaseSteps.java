package org.qibao.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qibao.identity.Actor;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.casework.CaseRows.at;

/**
 * Takes a step of the workflow for a person: the case must be in a stage the step is allowed
 * from ({@link CaseWorkflow}), the person must be one who takes it, and the case must still be at
 * the version they saw. The update is conditional on that version, so of two people acting at
 * once exactly one wins and the other is told the case moved on.
 */
@Service
class CaseSteps {

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseDesks desks;

	private final StepChanges stepChanges;

	private final CaseChanges changes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseSteps(JdbcClient jdbc, Cases cases, CaseDesks desks, StepChanges stepChanges, CaseChanges changes,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.desks = desks;
		this.stepChanges = stepChanges;
		this.changes = changes;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Case take(Actor actor, long caseId, int expectedVersion, CaseStep step, StepDetails details) {
		Case gridCase = this.cases.find(caseId).orElseThrow(() -> new AccessDeniedException("Not allowed"));
		CaseDesk desk = this.desks.of(actor, gridCase.communityId());
		if (!desk.sees(gridCase)) {
			throw new AccessDeniedException("Not allowed");
		}
		if (gridCase.version() != expectedVersion) {
			throw stale(gridCase);
		}
		CaseWorkflow.check(gridCase.stage(), step);
		if (!mayTake(desk, gridCase, step)) {
			throw new BusinessRuleException("NOT_ALLOWED", null, step.mutation());
		}
		Instant now = this.clock.instant();
		StepChanges.Change change = this.stepChanges.of(step, gridCase, desk, details, now);
		Case after = update(gridCase, step, change);
		this.changes.record(after, step.kind(), actor.accountId(), now, change.note(), change.photoIds());
		if (change.announceVerified()) {
			this.events.publishEvent(new CaseReportVerified(after.id(), after.reporterId(), after.communityId(),
					after.gridId(), now));
		}
		return after;
	}

	private static boolean mayTake(CaseDesk desk, Case gridCase, CaseStep step) {
		return switch (step.taker()) {
			case GRID_WORKER -> desk.works(gridCase);
			case HANDLER -> desk.handles(gridCase);
			case REPORTER_OR_GRID_WORKER -> desk.reported(gridCase) || desk.works(gridCase);
		};
	}

	/** Moves the case on if nobody did in between; else {@code STALE_VERSION}. */
	private Case update(Case before, CaseStep step, StepChanges.Change change) {
		var statement = this.jdbc.sql("UPDATE grid_case SET stage = :to, version = version + 1" + change.assignments()
				+ " WHERE id = :id AND version = :version AND stage = :from")
			.param("to", step.to().name())
			.param("id", before.id())
			.param("version", before.version())
			.param("from", before.stage().name());
		change.params().forEach(statement::param);
		if (statement.update() == 0) {
			throw stale(this.cases.find(before.id()).orElseThrow());
		}
		return this.cases.find(before.id()).orElseThrow();
	}

	static BusinessRuleException stale(Case now) {
		return new BusinessRuleException("STALE_VERSION", "expectedVersion", now.stage().name(), now.version());
	}

	/** A handler asks for more time, until a moment after the current deadline. */
	@Transactional
	Case requestExtension(Actor actor, long caseId, int expectedVersion, Instant until, String reason) {
		String why = CaseReport.text(reason, 500, "reason");
		Case gridCase = seen(actor, caseId, expectedVersion);
		if (!CaseStage.RESOLVING.contains(gridCase.stage()) || gridCase.stage() == CaseStage.ACCEPTED) {
			throw new BusinessRuleException("EXTENSION_NOT_NOW", null, gridCase.stage().name());
		}
		if (!this.desks.of(actor, gridCase.communityId()).handles(gridCase)) {
			throw new BusinessRuleException("NOT_ALLOWED", null, "caseExtensionRequest");
		}
		Instant now = this.clock.instant();
		if (until == null || !until.isAfter(gridCase.resolveDueAt()) || until.isAfter(now.plus(Duration.ofDays(365)))) {
			throw new BusinessRuleException("INVALID_EXTENSION", "until");
		}
		int inserted = this.jdbc.sql("""
				INSERT INTO case_extension (case_id, requested_by, requested_until, reason, requested_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id) WHERE granted IS NULL DO NOTHING""")
			.params(caseId, actor.accountId(), at(until), why, at(now))
			.update();
		if (inserted == 0) {
			throw new BusinessRuleException("EXTENSION_PENDING", null);
		}
		Case after = bump(gridCase, null, true);
		this.changes.record(after, CaseEventKind.EXTENSION_REQUESTED, actor.accountId(), now, why, List.of());
		return after;
	}

	/** The community administrator grants the pending request (the deadline moves) or refuses it. */
	@Transactional
	Case decideExtension(Actor actor, long caseId, int expectedVersion, boolean grant, String note) {
		String text = CaseReport.note(note, CaseReport.NOTE_LIMIT, "note");
		Case gridCase = seen(actor, caseId, expectedVersion);
		if (!this.desks.of(actor, gridCase.communityId()).administrator()) {
			throw new BusinessRuleException("NOT_ALLOWED", null, "caseExtensionDecide");
		}
		Instant now = this.clock.instant();
		Instant until = this.jdbc.sql("""
				UPDATE case_extension SET granted = ?, decided_by = ?, decided_at = ?
				WHERE case_id = ? AND granted IS NULL RETURNING requested_until""")
			.params(grant, actor.accountId(), at(now), caseId)
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElseThrow(() -> new BusinessRuleException("NO_PENDING_EXTENSION", null));
		Case after = bump(gridCase, grant ? until : null, false);
		this.changes.record(after, grant ? CaseEventKind.EXTENSION_GRANTED : CaseEventKind.EXTENSION_REFUSED,
				actor.accountId(), now, text, List.of());
		Map<String, Object> decided = new LinkedHashMap<>();
		decided.put("extension", grant ? "GRANTED" : "REFUSED");
		decided.put("resolveDueAt", after.resolveDueAt() == null ? null : after.resolveDueAt().toString());
		Map<String, Object> pending = new LinkedHashMap<>();
		pending.put("extension", "REQUESTED");
		pending.put("resolveDueAt", gridCase.resolveDueAt() == null ? null : gridCase.resolveDueAt().toString());
		this.events.publishEvent(new AdministrativeAction(actor.accountId(), gridCase.communityId(),
				"casework.caseExtensionDecide", "Case", caseId, pending, decided));
		return after;
	}

	private Case seen(Actor actor, long caseId, int expectedVersion) {
		Case gridCase = this.cases.find(caseId).orElseThrow(() -> new AccessDeniedException("Not allowed"));
		if (!this.desks.of(actor, gridCase.communityId()).sees(gridCase)) {
			throw new AccessDeniedException("Not allowed");
		}
		if (gridCase.version() != expectedVersion) {
			throw stale(gridCase);
		}
		return gridCase;
	}

	/** A new version of the case, with a new resolve-by deadline when {@code due} is given. */
	private Case bump(Case before, Instant due, boolean extensionRequested) {
		int updated = this.jdbc.sql("""
				UPDATE grid_case SET version = version + 1, resolve_due_at = coalesce(?, resolve_due_at),
				                     extension_requested = extension_requested OR ?
				WHERE id = ? AND version = ?""")
			.params(at(due), extensionRequested, before.id(), before.version())
			.update();
		if (updated == 0) {
			throw stale(this.cases.find(before.id()).orElseThrow());
		}
		return this.cases.find(before.id()).orElseThrow();
	}

}
