package org.qibao.identity;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Roster files over HTTP, as case photos are sent, with the bearer token of the rest of the API:
 * {@code POST /api/identity/rosters} (multipart: the file as {@code roster}, the community's
 * global ID as {@code communityId}) answers 201 with {@code {id}}, the global ID of the preview,
 * which GraphQL serves ({@code rosterImport}) and applies ({@code rosterImportApply}). Refusals
 * are JSON in the shape of the API's other errors, in the caller's language.
 */
@RestController
class RosterUploadController {

	static final String PATH = "/api/identity/rosters";

	private final RosterImports imports;

	private final MessageSource messages;

	RosterUploadController(RosterImports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> upload(@RequestParam("roster") MultipartFile roster,
			@RequestParam("communityId") String communityId, @AuthenticationPrincipal Actor actor) throws IOException {
		if (actor == null) {
			return refusal(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Sign in first");
		}
		long community;
		try {
			community = GlobalId.keyOf(communityId, "Community");
		}
		catch (GlobalId.InvalidIdException ex) {
			return refusal(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "communityId is not a community's ID");
		}
		RosterImport preview = this.imports.upload(actor, community, roster.getOriginalFilename(), roster.getBytes());
		String id = GlobalId.encode("RosterImport", preview.id());
		return ResponseEntity.created(URI.create(PATH + "/" + id)).body(Map.of("id", id));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(BusinessRuleException refusal, Locale locale) {
		String message = this.messages.getMessage("error." + refusal.code(), refusal.args(), refusal.code(), locale);
		return refusal(HttpStatus.BAD_REQUEST, refusal.code(), message);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException ex) {
		return refusal(HttpStatus.FORBIDDEN, "FORBIDDEN", "Not allowed");
	}

	private static ResponseEntity<Map<String, Object>> refusal(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code)))));
	}

}
