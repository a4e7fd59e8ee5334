package org.qibao.identity;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/**
 * The signed-in person a request acts for, with the roles their account holds now (read from the
 * database through a short cache, not from the token). GraphQL controller methods take it as a
 * parameter of this type ({@link ActorArgumentResolver}), the web's downloads as
 * {@code @AuthenticationPrincipal Actor}; it is null for anonymous requests.
 */
public record Actor(long accountId, String displayName, Set<ScopedRole> roles) {

	/** The actor of a request that must be signed in; refuses anonymous requests. */
	public static Actor signedIn(Actor actor) {
		if (actor == null) {
			throw new AuthenticationCredentialsNotFoundException("Sign in first");
		}
		return actor;
	}

	public boolean has(Role role, long scopeId) {
		return this.roles.contains(new ScopedRole(role, scopeId));
	}

	/** The objects this actor holds the role over. */
	public Set<Long> scopes(Role role) {
		return this.roles.stream().filter(r -> r.role() == role).map(ScopedRole::scopeId).collect(Collectors.toSet());
	}

	/** Refuses the request unless this actor holds the role over the object. */
	public void require(Role role, long scopeId) {
		if (!has(role, scopeId)) {
			throw new AccessDeniedException("Not allowed");
		}
	}

}
