package org.qibao.casework;

import java.security.Principal;

import org.qibao.identity.Actor;
import org.springframework.security.core.Authentication;

/** The signed-in person behind a batch loader's principal. */
final class Viewer {

	private Viewer() {
	}

	/** The actor of the request, or null for an anonymous one. */
	static Actor of(Principal principal) {
		if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof Actor actor) {
			return actor;
		}
		return null;
	}

}
