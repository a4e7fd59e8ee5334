package org.qibao.statistics;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.qibao.identity.Actor;
import org.qibao.shared.CalendarBounds;
import org.qibao.shared.GlobalId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A community's statistics of one month as one long-format CSV ({@code GET /statistics.csv},
 * bearer token, the community's administrators): one row per figure, period and subject; UTF-8
 * with a byte-order mark so spreadsheet programs read the Chinese names.
 */
@RestController
class StatisticsCsvController {

	private final StatisticsDesk desk;

	private final Statistics statistics;

	StatisticsCsvController(StatisticsDesk desk, Statistics statistics) {
		this.desk = desk;
		this.statistics = statistics;
	}

	@GetMapping(path = "/statistics.csv")
	ResponseEntity<byte[]> csv(@RequestParam String communityId, @RequestParam String month,
			@RequestParam(required = false) String gridId, @AuthenticationPrincipal Actor actor) {
		if (actor == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		YearMonth parsed = month(month);
		if (parsed == null) {
			return ResponseEntity.badRequest().build();
		}
		StatisticsDesk.Scope scope;
		try {
			scope = this.desk.scope(actor, communityId, parsed, gridId == null || gridId.isEmpty() ? null : gridId);
		}
		catch (GlobalId.InvalidIdException notAnId) {
			return ResponseEntity.badRequest().build();
		}
		catch (AccessDeniedException notTheirs) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		String name = "statistics-" + parsed + (scope.grid() == null ? "" : "-" + scope.grid().code()) + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(("\uFEFF" + StatisticsCsv.render(this.statistics.of(scope))).getBytes(StandardCharsets.UTF_8));
	}

	/** The month the query asks for, as the Month scalar would accept it; null when it is not one. */
	private static YearMonth month(String text) {
		try {
			return CalendarBounds.month(text);
		}
		catch (IllegalArgumentException notAMonth) {
			return null;
		}
	}

}
