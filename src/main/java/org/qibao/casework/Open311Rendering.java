package org.qibao.casework;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.qibao.casework.photo.CasePhoto;
import org.qibao.casework.photo.CasePhotos;
import org.qibao.geo.Geography;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import static org.qibao.casework.Open311Document.record;

/**
 * Services and service requests written as GeoReport v2 has them, times in the community's zone.
 * A case is {@code open} until it is closed or rejected; {@code status_notes} says where it stands.
 */
@Component
class Open311Rendering {

	private static final MediaType XML = new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8);

	private final Open311Requests requests;

	private final CasePhotos photos;

	private final Geography geography;

	private final JsonMapper json;

	private final Open311Media media;

	Open311Rendering(Open311Requests requests, CasePhotos photos, Geography geography, JsonMapper json,
			Open311Media media) {
		this.media = media;
		this.requests = requests;
		this.photos = photos;
		this.geography = geography;
		this.json = json;
	}

	ResponseEntity<String> services(String format, List<CaseCategory> services) {
		return answer(format, new Open311Document("services", "service", services.stream()
			.map(s -> record("service_code", s.serviceCode(), "service_name", s.nameZh() + " / " + s.nameEn(),
					"description", s.nameEn(), "metadata", false, "type", "realtime", "keywords", s.serviceCode(), "group",
					"casework"))
			.toList()));
	}

	ResponseEntity<String> definition(String format, CaseCategory service) {
		if ("xml".equals(format)) {
			String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_definition><service_code>"
					+ Open311Document.escaped(service.serviceCode()) + "</service_code><attributes/></service_definition>\n";
			return ResponseEntity.ok().contentType(XML).body(xml);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsString(record("service_code", service.serviceCode(), "attributes", List.of())));
	}

	ResponseEntity<String> posted(String format, Case created) {
		return answer(format, new Open311Document("service_requests", "request", List.of(record("service_request_id",
				Long.toString(created.id()), "service_notice", "Reported; the grid worker accepts it or not within the category's deadline",
				"account_id", null))));
	}

	ResponseEntity<String> requests(String format, Open311Key key, List<Case> cases) {
		long communityId = key.communityId();
		List<Long> ids = cases.stream().map(Case::id).toList();
		Map<Long, CaseCategory> categories = this.requests.categoriesOf(communityId);
		Map<Long, java.time.Instant> updated = this.requests.updatedAt(ids);
		Map<Long, List<CasePhoto>> photosOf = this.photos.ofCases(ids);
		ZoneId zone = this.geography.communities(List.of(communityId)).get(communityId).zone();
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return answer(format, new Open311Document("service_requests", "request", cases.stream().map(c -> {
			CaseCategory category = categories.get(c.categoryId());
			List<CasePhoto> media = photosOf.getOrDefault(c.id(), List.of());
			return record("service_request_id", Long.toString(c.id()), "status", c.stage().open() ? "open" : "closed",
					"status_notes", notes(c), "service_name", category.nameZh() + " / " + category.nameEn(),
					"service_code", category.serviceCode(), "description", c.description(), "agency_responsible", null,
					"service_notice", null, "requested_datetime", time(c.reportedAt(), zone),
					"updated_datetime", time(updated.getOrDefault(c.id(), c.reportedAt()), zone),
					"expected_datetime", time(c.dueAt(), zone), "address", null, "address_id", null, "zipcode", null,
					"lat", c.position().latitude(), "long", c.position().longitude(),
					"media_url", media.isEmpty() ? null : base + this.media.path(key, media.get(0).id()));
		}).toList()));
	}

	/** Where the case stands, in words a city tool shows as they are. */
	static String notes(Case c) {
		return switch (c.stage()) {
			case REPORTED -> "Reported, waiting to be accepted";
			case ACCEPTED -> "Accepted (立案)";
			case REJECTED -> (c.duplicateOfId() != null) ? "Rejected as a duplicate of request " + c.duplicateOfId()
					: "Rejected" + ((c.rejectionReason() == null) ? "" : ": " + c.rejectionReason());
			case DISPATCHED -> "Dispatched to a handler (派遣)";
			case IN_PROGRESS -> "In progress (处置)";
			case RESOLVED -> "Resolved, waiting to be verified";
			case REOPENED -> "Reopened for rework";
			case VERIFIED -> "Verified (核查), waiting to be closed";
			case CLOSED -> "Closed (结案)";
		};
	}

	private static String time(java.time.Instant at, ZoneId zone) {
		return (at == null) ? null
				: DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
	}

	ResponseEntity<String> answer(String format, Open311Document document) {
		return answer(format, document, 200);
	}

	ResponseEntity<String> answer(String format, Open311Document document, int status) {
		if ("xml".equals(format)) {
			return ResponseEntity.status(status).contentType(XML).body(document.xml());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(document.json(this.json));
	}

}
