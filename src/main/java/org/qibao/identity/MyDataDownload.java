package org.qibao.identity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's own data as one JSON file ({@code GET /my-data.json}, bearer token),
 * every module's section in full, as the passbook CSV is downloaded.
 */
@RestController
class MyDataDownload {

	private final MyData myData;

	private final Clock clock;

	MyDataDownload(MyData myData, Clock clock) {
		this.myData = myData;
		this.clock = clock;
	}

	@GetMapping(path = "/my-data.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> download(@AuthenticationPrincipal Actor actor) {
		if (actor == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("exportedAt", this.clock.instant().toString());
		file.putAll(this.myData.all(actor.accountId()));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("qibao-my-data.json").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file);
	}

}
