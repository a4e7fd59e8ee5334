package org.qibao.location;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qibao.identity.Actor;
import org.qibao.location.PositionReporting.Outcome;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Position reports from checked-in phones. */
@Controller
class PositionReportController {

	private final PositionReporting reporting;

	private final UserErrors userErrors;

	PositionReportController(PositionReporting reporting, UserErrors userErrors) {
		this.reporting = reporting;
		this.userErrors = userErrors;
	}

	@MutationMapping
	PositionReportPayload positionReport(@Argument Map<String, Object> input, Actor actor,
			Locale locale) {
		return file(Actor.signedIn(actor), (String) input.get("forAccountId"), List.of(report(input)), locale);
	}

	@MutationMapping
	@SuppressWarnings("unchecked")
	PositionReportPayload positionReportBatch(@Argument Map<String, Object> input, Actor actor,
			Locale locale) {
		List<PositionReport> reports = ((List<Map<String, Object>>) input.get("reports")).stream()
			.map(PositionReportController::report)
			.toList();
		return file(Actor.signedIn(actor), (String) input.get("forAccountId"), reports, locale);
	}

	/**
	 * A report from its input as GraphQL has already checked and coerced it (Float to Double, DateTime
	 * to Instant). The position inputs are read here rather than bound to records by Spring's argument
	 * binder, which looks up a record's components by reflection every time it binds one: on this,
	 * the hottest path, that was about 50 µs of a single report's 765 and a hundred times that for a
	 * batch.
	 */
	private static PositionReport report(Map<String, Object> input) {
		Map<?, ?> position = (Map<?, ?>) input.get("position");
		return new PositionReport(
				new GeoPoint(((Number) position.get("longitude")).doubleValue(),
						((Number) position.get("latitude")).doubleValue()),
				((Number) input.get("accuracy")).doubleValue(), (Instant) input.get("recordedAt"),
				optional(input.get("speed")), optional(input.get("heading")));
	}

	private static Double optional(Object number) {
		return (number == null) ? null : ((Number) number).doubleValue();
	}

	private PositionReportPayload file(Actor actor, String forAccountId, List<PositionReport> reports, Locale locale) {
		Long forAccount = (forAccountId == null) ? null : GlobalId.keyOf(forAccountId, "Account");
		try {
			Outcome outcome = this.reporting.report(actor.accountId(), forAccount, reports);
			List<PositionDrop> dropped = outcome.dropped()
				.entrySet()
				.stream()
				.map(e -> new PositionDrop(e.getKey(), e.getValue()))
				.toList();
			return new PositionReportPayload(outcome.accepted(), outcome.coalesced(), dropped, outcome.patroller(),
					List.of());
		}
		catch (BusinessRuleException ex) {
			return new PositionReportPayload(0, 0, List.of(), null, List.of(this.userErrors.of(ex, locale)));
		}
	}

	record PositionDrop(DropReason reason, int count) {
	}

	record PositionReportPayload(int accepted, int coalesced, List<PositionDrop> dropped, LivePatroller patroller,
			List<UserError> userErrors) {
	}

}
