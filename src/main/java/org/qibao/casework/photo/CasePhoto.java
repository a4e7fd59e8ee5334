package org.qibao.casework.photo;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo as stored: a JPEG without metadata, of at most the configured edge.
 *
 * @param url where a signed-in person allowed to see it downloads it ({@code /api/casework/photos/<id>})
 */
public record CasePhoto(UUID id, long uploadedBy, Instant uploadedAt, Long caseId, int width, int height,
		String url) {

	public static String urlOf(UUID id) {
		return "/api/casework/photos/" + id;
	}

}
