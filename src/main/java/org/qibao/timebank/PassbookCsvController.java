package org.qibao.timebank;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.qibao.geo.Geography;
import org.qibao.identity.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's passbook as CSV ({@code GET /passbook.csv}, bearer token), every entry
 * oldest first, times in the community's zone; UTF-8 with a byte-order mark so spreadsheet
 * programs read the Chinese names.
 */
@RestController
class PassbookCsvController {

	private static final int MAX_ENTRIES = 100_000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Passbooks passbooks;

	private final Counterparties counterparties;

	private final Geography geography;

	PassbookCsvController(Passbooks passbooks, Counterparties counterparties, Geography geography) {
		this.passbooks = passbooks;
		this.counterparties = counterparties;
		this.geography = geography;
	}

	@GetMapping(path = "/passbook.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String communityId, @AuthenticationPrincipal Actor actor) {
		if (actor == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		Long community;
		try {
			community = VolunteerContext.community(actor, communityId);
		}
		catch (org.qibao.shared.GlobalId.InvalidIdException notAnId) {
			return ResponseEntity.badRequest().build();
		}
		catch (org.springframework.security.access.AccessDeniedException notTheirs) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		if (community == null) {
			return ResponseEntity.notFound().build();
		}
		Passbook passbook = this.passbooks.of(community, actor.accountId());
		ZoneId zone = this.geography.communities(List.of(community)).get(community).zone();
		List<PassbookEntry> entries = new java.util.ArrayList<>(passbook.ledgerAccountId() == 0 ? List.of()
				: this.passbooks.entries(passbook.ledgerAccountId(), 0, MAX_ENTRIES));
		java.util.Collections.reverse(entries);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("passbook.csv").build().toString())
			.body(("\uFEFF" + render(entries, zone)).getBytes(StandardCharsets.UTF_8));
	}

	private String render(List<PassbookEntry> entries, ZoneId zone) {
		Map<PassbookEntry, String> names = this.counterparties.of(entries);
		StringBuilder csv = new StringBuilder("time,kind,counterparty,minutes,balance_after\r\n");
		for (PassbookEntry entry : entries) {
			csv.append(TIME.format(entry.at().atZone(zone))).append(',')
				.append(entry.kind()).append(',')
				.append(org.qibao.shared.CsvCells.quoted(names.get(entry))).append(',')
				.append(entry.minutes()).append(',')
				.append(entry.balanceAfter()).append("\r\n");
		}
		return csv.toString();
	}

}
