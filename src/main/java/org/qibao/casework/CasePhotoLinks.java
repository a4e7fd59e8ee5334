package org.qibao.casework;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Turns photo IDs into {@link CasePhoto}s. The photos themselves (upload, checks, storage,
 * serving to those who may see the case) are {@code casework.photo}'s; until that is merged, a
 * photo's URL is the path it will be served at.
 */
@Component
class CasePhotoLinks {

	static final String PATH = "/casework/photos/";

	List<CasePhoto> of(List<String> photoIds) {
		return photoIds.stream().map(id -> new CasePhoto(id, PATH + id)).toList();
	}

}
