package org.qibao.patrol;

import java.security.Principal;

import org.qibao.identity.Actor;
import org.springframework.security.core.Authentication;

/** The signed-in person behind a batch loader's principal, or null for an anonymous request. */
final class Viewer {

	private Viewer() {
	}

	static Actor of(Principal principal) {
		if (principal instanceof Authentication authentication && authentication.getPrincipal() instanceof Actor actor) {
			return actor;
		}
		return null;
	}

}
