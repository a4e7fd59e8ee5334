package org.qibao.location;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.qibao.identity.Actor;
import org.qibao.location.PositionReporting.Outcome;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
	PositionReportPayload positionReport(@Argument PositionReportInput input, @AuthenticationPrincipal Actor actor,
			Locale locale) {
		PositionInput one = new PositionInput(input.position(), input.accuracy(), input.recordedAt(), input.speed(),
				input.heading());
		return file(Actor.signedIn(actor), input.forAccountId(), List.of(one), locale);
	}

	@MutationMapping
	PositionReportPayload positionReportBatch(@Argument PositionReportBatchInput input,
			@AuthenticationPrincipal Actor actor, Locale locale) {
		return file(Actor.signedIn(actor), input.forAccountId(), input.reports(), locale);
	}

	private PositionReportPayload file(Actor actor, String forAccountId, List<PositionInput> inputs, Locale locale) {
		Long forAccount = (forAccountId == null) ? null : GlobalId.keyOf(forAccountId, "Account");
		List<PositionReport> reports = inputs.stream()
			.map(i -> new PositionReport(i.position(), i.accuracy(), i.recordedAt(), i.speed(), i.heading()))
			.toList();
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

	record PositionInput(GeoPoint position, double accuracy, Instant recordedAt, Double speed, Double heading) {
	}

	record PositionReportInput(GeoPoint position, double accuracy, Instant recordedAt, Double speed, Double heading,
			String forAccountId) {
	}

	record PositionReportBatchInput(List<PositionInput> reports, String forAccountId) {
	}

	record PositionDrop(DropReason reason, int count) {
	}

	record PositionReportPayload(int accepted, int coalesced, List<PositionDrop> dropped, LivePatroller patroller,
			List<UserError> userErrors) {
	}

}
