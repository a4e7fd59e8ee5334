package org.qibao.merchant;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.qibao.identity.Actor;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.CalendarBounds;
import org.qibao.shared.GlobalId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Monthly settlements in GraphQL, and as CSV ({@code GET /merchant-settlement.csv?merchantId=&month=},
 * bearer token; UTF-8 with a byte-order mark so spreadsheet programs read the Chinese titles).
 */
@Controller
class SettlementController {

	private final Settlements settlements;

	private final Merchants merchants;

	private final Offers offers;

	SettlementController(Settlements settlements, Merchants merchants, Offers offers) {
		this.settlements = settlements;
		this.merchants = merchants;
		this.offers = offers;
	}

	@QueryMapping
	Settlement merchantSettlement(@Argument String merchantId, @Argument YearMonth month, Actor actor) {
		return this.settlements.of(MerchantReports.readable(this.merchants, actor, merchantId), month);
	}

	@BatchMapping(typeName = "Settlement")
	Map<Settlement, Merchant> merchant(List<Settlement> settlements) {
		Map<Long, Merchant> byId = this.merchants.findAll(settlements.stream().map(Settlement::merchantId).distinct().toList());
		Map<Settlement, Merchant> result = new java.util.HashMap<>();
		settlements.forEach(s -> result.put(s, byId.get(s.merchantId())));
		return result;
	}

	@BatchMapping(typeName = "SettlementLine")
	Map<Settlement.Line, Offer> offer(List<Settlement.Line> lines) {
		Map<Long, Offer> byId = this.offers.findAll(lines.stream().map(Settlement.Line::offerId).distinct().toList());
		Map<Settlement.Line, Offer> result = new java.util.HashMap<>();
		lines.forEach(l -> result.put(l, byId.get(l.offerId())));
		return result;
	}

	@GetMapping(path = "/merchant-settlement.csv")
	@ResponseBody
	ResponseEntity<byte[]> csv(@RequestParam String merchantId, @RequestParam(required = false) String month,
			@AuthenticationPrincipal Actor actor) {
		if (actor == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		Settlement settlement;
		try {
			YearMonth chosen = (month == null || month.isEmpty()) ? null : CalendarBounds.month(month);
			settlement = this.settlements.of(MerchantReports.readable(this.merchants, actor, merchantId), chosen);
		}
		catch (GlobalId.InvalidIdException | BusinessRuleException bad) {
			return ResponseEntity.badRequest().build();
		}
		catch (IllegalArgumentException badMonth) {
			return ResponseEntity.badRequest()
				.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.body(badMonth.getMessage().getBytes(StandardCharsets.UTF_8));
		}
		catch (AccessDeniedException notTheirs) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		String filename = "settlement-" + settlement.month() + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(("\uFEFF" + render(settlement)).getBytes(StandardCharsets.UTF_8));
	}

	private String render(Settlement settlement) {
		Map<Long, Offer> byId = this.offers.findAll(settlement.offers().stream().map(Settlement.Line::offerId).toList());
		StringBuilder csv = new StringBuilder("month,offer,redemptions,minutes\r\n");
		for (Settlement.Line line : settlement.offers()) {
			Offer offer = byId.get(line.offerId());
			csv.append(settlement.month()).append(',')
				.append(quoted(offer == null ? "" : offer.title())).append(',')
				.append(line.redemptions()).append(',')
				.append(line.minutes()).append("\r\n");
		}
		csv.append(settlement.month()).append(",\"total\",").append(settlement.redemptions()).append(',')
			.append(settlement.minutes()).append("\r\n");
		return csv.toString();
	}

	/** Quotes a field, and defuses a leading formula character for spreadsheets. */
	private static String quoted(String field) {
		String safe = field;
		if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
			safe = "'" + safe;
		}
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

}
