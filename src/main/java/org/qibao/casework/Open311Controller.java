package org.qibao.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qibao.shared.GeoPoint;
import org.qibao.shared.Throttle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/} (docs/casework.md, "Open311"): a community's case
 * categories as services, its cases as service requests, in JSON or XML as the path's extension
 * says. The community (the spec's jurisdiction) is the one the {@code api_key} was issued for, or
 * {@code jurisdiction_id} for the service list, which is public. Reading requests needs a key too:
 * incident reports name people and places.
 */
@RestController
class Open311Controller {

	static final String PATH = "/open311/v2";

	private static final String FORMAT = "{format:json|xml}";

	private final Open311Requests requests;

	private final Open311Keys keys;

	private final Open311Rendering rendering;

	private final Throttle posts;

	private final Clock clock;

	private final Open311Media media;

	Open311Controller(Open311Requests requests, Open311Keys keys, Open311Rendering rendering, StringRedisTemplate redis,
			Clock clock, Open311Media media) {
		this.clock = clock;
		this.media = media;
		this.requests = requests;
		this.keys = keys;
		this.rendering = rendering;
		this.posts = new Throttle(redis, "rate:open311Request", 60, Duration.ofMinutes(1));
	}

	@GetMapping(PATH + "/services." + FORMAT)
	ResponseEntity<String> services(@PathVariable String format, @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
			@RequestParam(name = "api_key", required = false) String apiKey) {
		long community = community(jurisdiction, apiKey);
		return this.rendering.services(format, this.requests.services(community));
	}

	@GetMapping(PATH + "/services/{code}." + FORMAT)
	ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
			@RequestParam(name = "api_key", required = false) String apiKey) {
		CaseCategory service = this.requests.service(community(jurisdiction, apiKey), code)
			.orElseThrow(() -> new Open311Exception(404, "service_code not found: " + code));
		return this.rendering.definition(format, service);
	}

	@PostMapping(PATH + "/requests." + FORMAT)
	ResponseEntity<String> post(@PathVariable String format, @RequestParam Map<String, String> form) {
		Open311Key key = key(form.get("api_key"), form.get("jurisdiction_id"));
		if (!this.posts.tryTake(Long.toString(key.id()))) {
			throw new Open311Exception(429, "Too many requests posted with this api_key: wait a minute");
		}
		String code = required(form, "service_code");
		CaseCategory service = this.requests.service(key.communityId(), code)
			.orElseThrow(() -> new Open311Exception(404, "service_code not found: " + code));
		GeoPoint position = new GeoPoint(coordinate(form, "long"), coordinate(form, "lat"));
		Case created = this.requests.submit(key, service, position, required(form, "description"));
		return this.rendering.posted(format, created);
	}

	@GetMapping(PATH + "/requests/{id}." + FORMAT)
	ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
			@RequestParam(name = "api_key", required = false) String apiKey,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		Open311Key key = key(apiKey, jurisdiction);
		List<Case> found = this.requests.byIds(key.communityId(), List.of(number(id, "service_request_id")));
		if (found.isEmpty()) {
			throw new Open311Exception(404, "service_request_id not found: " + id);
		}
		return this.rendering.requests(format, key, found);
	}

	@GetMapping(PATH + "/requests." + FORMAT)
	ResponseEntity<String> requests(@PathVariable String format, @RequestParam Map<String, String> query) {
		Open311Key key = key(query.get("api_key"), query.get("jurisdiction_id"));
		String ids = query.get("service_request_id");
		if (ids != null && !ids.isBlank()) {
			List<Long> wanted = Arrays.stream(ids.split(",")).limit(Open311Requests.LIMIT)
				.map(id -> number(id.strip(), "service_request_id")).toList();
			return this.rendering.requests(format, key, this.requests.byIds(key.communityId(), wanted));
		}
		Instant end = date(query.get("end_date"), "end_date", this.clock.instant());
		Instant start = date(query.get("start_date"), "start_date", end.minus(Open311Requests.WINDOW));
		if (!start.isBefore(end) || Duration.between(start, end).compareTo(Open311Requests.WINDOW) > 0) {
			throw new Open311Exception(400, "start_date must be before end_date, at most 90 days apart");
		}
		List<Case> found = this.requests.search(key.communityId(), start, end,
				categoryIds(key.communityId(), query.get("service_code")), open(query.get("status")));
		return this.rendering.requests(format, key, found);
	}

	/** A photo of a request, for the Open311 client that was given its signed URL (no token). */
	@GetMapping(PATH + "/media/{keyId}/{photoId}.jpg")
	ResponseEntity<byte[]> media(@PathVariable String keyId, @PathVariable String photoId,
			@RequestParam(name = "sig", required = false) String signature) {
		Open311Exception notFound = new Open311Exception(404, "No such media");
		Open311Key key = this.keys.find(number(keyId, "key")).filter(k -> !k.revoked()).orElseThrow(() -> notFound);
		java.util.UUID photo = org.qibao.casework.photo.CasePhotos.parseId(photoId).orElseThrow(() -> notFound);
		byte[] jpeg = this.media.jpeg(key, photo, signature).orElseThrow(() -> notFound);
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.IMAGE_JPEG)
			.cacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(jpeg);
	}

	/** The community a key or a jurisdiction names; a key, if given, must be good. */
	private long community(String jurisdiction, String apiKey) {
		if (apiKey != null && !apiKey.isBlank()) {
			return key(apiKey, jurisdiction).communityId();
		}
		if (jurisdiction == null || jurisdiction.isBlank()) {
			throw new Open311Exception(400, "jurisdiction_id is required (the community's number)");
		}
		return number(jurisdiction, "jurisdiction_id");
	}

	private Open311Key key(String apiKey, String jurisdiction) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new Open311Exception(403, "api_key is required");
		}
		Open311Key key = this.keys.use(apiKey).orElseThrow(() -> new Open311Exception(403, "Invalid api_key"));
		if (jurisdiction != null && !jurisdiction.isBlank() && !jurisdiction.strip().equals(Long.toString(key.communityId()))) {
			throw new Open311Exception(403, "The api_key is not for this jurisdiction_id");
		}
		return key;
	}

	private List<Long> categoryIds(long community, String codes) {
		if (codes == null || codes.isBlank()) {
			return null;
		}
		Set<String> wanted = Set.copyOf(Arrays.stream(codes.split(",")).limit(100).map(String::strip).toList());
		return this.requests.categoriesOf(community).values().stream()
			.filter(c -> wanted.contains(c.serviceCode())).map(CaseCategory::id).toList();
	}

	private static Boolean open(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		Set<String> statuses = Set.copyOf(Arrays.stream(status.toLowerCase().split(",")).map(String::strip).toList());
		if (!Set.of("open", "closed").containsAll(statuses)) {
			throw new Open311Exception(400, "status must be open, closed or both");
		}
		return (statuses.size() == 2) ? null : statuses.contains("open");
	}

	private static String required(Map<String, String> form, String name) {
		String value = form.get(name);
		if (value == null || value.isBlank()) {
			throw new Open311Exception(400, name + " is required");
		}
		return value;
	}

	private static double coordinate(Map<String, String> form, String name) {
		String value = form.get(name);
		if (value == null || value.isBlank()) {
			throw new Open311Exception(400, "lat and long are required (addresses are not looked up)");
		}
		try {
			double coordinate = Double.parseDouble(value.strip());
			if (!Double.isFinite(coordinate)) {
				throw new NumberFormatException();
			}
			return coordinate;
		}
		catch (NumberFormatException ex) {
			throw new Open311Exception(400, name + " must be a number in decimal degrees (WGS84)");
		}
	}

	private static long number(String value, String name) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new Open311Exception(400, name + " must be a number");
		}
	}

	private static Instant date(String value, String name, Instant otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new Open311Exception(400, name + " must be a W3C date and time, e.g. 2026-12-07T08:00:00+08:00");
		}
	}

}
