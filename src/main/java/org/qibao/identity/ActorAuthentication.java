package org.qibao.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request authenticated by a valid token, acting for its {@link Actor}. */
class ActorAuthentication extends AbstractAuthenticationToken {

	private final Actor actor;

	private final Jwt token;

	/**
	 * Grants no Spring authorities: fields are authorised through {@link Actor#has} and
	 * {@link Actor#require}, which read the account's current roles only when asked.
	 */
	ActorAuthentication(Actor actor, Jwt token) {
		super(List.of());
		this.actor = actor;
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return this.token;
	}

	@Override
	public Actor getPrincipal() {
		return this.actor;
	}

	@Override
	public String getName() {
		return Long.toString(this.actor.accountId());
	}

	static List<String> claims(List<ScopedRole> roles) {
		return roles.stream().map(ScopedRole::claim).toList();
	}

}
