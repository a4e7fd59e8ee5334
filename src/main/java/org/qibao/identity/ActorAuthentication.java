package org.qibao.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request authenticated by a valid token, acting for its {@link Actor}. */
class ActorAuthentication extends AbstractAuthenticationToken {

	private final Actor actor;

	private final Jwt token;

	ActorAuthentication(Actor actor, Jwt token) {
		super(actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.role().name())).distinct().toList());
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
