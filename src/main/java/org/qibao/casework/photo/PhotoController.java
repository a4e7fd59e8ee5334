package org.qibao.casework.photo;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.qibao.identity.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Case photos over HTTP, with the bearer token of the rest of the API: {@code POST
 * /api/casework/photos} (multipart, field {@code photo}) answers {@code {id, url, width, height}};
 * {@code GET /api/casework/photos/<id>} serves the JPEG to those allowed to see it and 404 to
 * everyone else. Refusals are JSON ({@link PhotoRequestErrors}).
 */
@RestController
class PhotoController {

	static final String PATH = "/api/casework/photos";

	private final PhotoUploads uploads;

	PhotoController(PhotoUploads uploads) {
		this.uploads = uploads;
	}

	@PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> upload(@RequestParam("photo") MultipartFile photo,
			@AuthenticationPrincipal Actor actor) throws IOException {
		CasePhoto stored = this.uploads.upload(signedIn(actor), photo.getBytes());
		return ResponseEntity.created(URI.create(stored.url()))
			.body(Map.of("id", stored.id().toString(), "url", stored.url(), "width", stored.width(), "height",
					stored.height()));
	}

	@GetMapping(PATH + "/{id}")
	ResponseEntity<byte[]> download(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		Actor viewer = signedIn(actor);
		UUID photoId = CasePhotos.parseId(id).orElseThrow(PhotoController::notFound);
		PhotoStore.StoredPhoto photo = this.uploads.download(viewer, photoId).orElseThrow(PhotoController::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			// the photo of a case is for this person's eyes: no shared cache keeps it
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(photo.id() + ".jpg").build().toString())
			.body(photo.jpeg());
	}

	private static Actor signedIn(Actor actor) {
		if (actor == null) {
			throw new PhotoRefusal(401, "SIGN_IN_FIRST");
		}
		return actor;
	}

	private static PhotoRefusal notFound() {
		return new PhotoRefusal(404, "NO_SUCH_PHOTO");
	}

}
