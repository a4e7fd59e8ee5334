package org.qibao.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Signs and reads the bearer tokens Qibao issues at sign-in (HS256, key from {@link TokenSecret}).
 * A token names its account ({@code sub}), its own ID ({@code jti}), when it ends ({@code exp})
 * and the account's token generation at issue ({@code gen}); one that lacks any of them is
 * refused. On every request the account's row says whether the token is still good: not ended
 * by a sign-out, its generation not passed by a sign-out everywhere or a password change. The
 * row is remembered per token by {@link TokenStandings}, which forgets it when it changes.
 */
@Component
class Tokens implements Converter<Jwt, AbstractAuthenticationToken> {

	static final String ISSUER = "qibao";

	static final String GENERATION = "gen";

	private final NimbusJwtEncoder encoder;

	private final JwtDecoder decoder;

	private final Duration lifetime;

	private final AccountRepository repository;

	private final CurrentRoles currentRoles;

	private final TokenStandings standings;

	Tokens(@Value("${qibao.security.token-secret:}") String configuredSecret,
			@Value("${qibao.data-dir}") Path dataDir,
			@Value("${qibao.local.embedded-stores:false}") boolean embeddedStores,
			@Value("${qibao.security.token-lifetime}") Duration lifetime, AccountRepository repository,
			CurrentRoles currentRoles, TokenStandings standings) {
		SecretKey key = new SecretKeySpec(TokenSecret.of(configuredSecret, dataDir, embeddedStores), "HmacSHA256");
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		NimbusJwtDecoder verifier = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		verifier.setJwtValidator(validator());
		this.decoder = new VerifiedTokenCache(verifier, validator());
		this.lifetime = lifetime;
		this.repository = repository;
		this.currentRoles = currentRoles;
		this.standings = standings;
	}

	/** Issuer, expiry (which must be there: no token is good for ever), a numeric account, an ID and a generation. */
	static OAuth2TokenValidator<Jwt> validator() {
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
				new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
				new JwtClaimValidator<Object>(JwtClaimNames.SUB, sub -> sub instanceof String s && s.matches("[1-9][0-9]{0,17}")),
				new JwtClaimValidator<Object>(JwtClaimNames.JTI, jti -> jti instanceof String s && isUuid(s)),
				new JwtClaimValidator<Object>(GENERATION, gen -> gen instanceof Number n && n.longValue() >= 0));
	}

	IssuedToken issue(Account account, List<ScopedRole> roles) {
		return issue(account, roles, Instant.now());
	}

	IssuedToken issue(Account account, List<ScopedRole> roles, Instant now) {
		return issue(account, roles, this.repository.tokenGeneration(account.id()), now);
	}

	IssuedToken issue(Account account, List<ScopedRole> roles, int generation, Instant now) {
		Instant expiresAt = now.plus(this.lifetime);
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(Long.toString(account.id()))
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(expiresAt)
			.claim(GENERATION, generation)
			.claim("name", account.displayName())
			.claim("roles", ActorAuthentication.claims(roles))
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new IssuedToken(token, expiresAt);
	}

	JwtDecoder decoder() {
		return this.decoder;
	}

	/**
	 * The request's actor, once the account's row says the token is still good (remembered by
	 * {@link TokenStandings}, so a busy phone costs no read per request). Its roles are the
	 * account's current ones, not the token's {@code roles} claim (kept for clients to read), at
	 * the version read with the row: a revoked role stops working from the next request on the
	 * instance that revoked it and within milliseconds on the others. They are read only when the
	 * request checks one and the version changed.
	 */
	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		long accountId = Long.parseLong(jwt.getSubject());
		AccountRepository.Standing standing = standing(accountId, jwt);
		// a WebSocket connection lives on after its token was checked: its later role checks check it again
		Actor actor = new Actor(accountId, jwt.getClaimAsString("name"), this.currentRoles.viewOf(accountId,
				standing.rolesVersion(), () -> standing(accountId, jwt).rolesVersion()));
		return new ActorAuthentication(actor, jwt);
	}

	/** Whether the token is still good: not signed out, not of an older generation. */
	boolean stillGood(Jwt jwt) {
		try {
			standing(Long.parseLong(jwt.getSubject()), jwt);
			return true;
		}
		catch (InvalidBearerTokenException ex) {
			return false;
		}
	}

	/** The account's row, once it says the token is still good. */
	private AccountRepository.Standing standing(long accountId, Jwt jwt) {
		UUID tokenId = UUID.fromString(jwt.getId());
		AccountRepository.Standing standing = this.standings
			.of(accountId, tokenId, () -> this.repository.standing(accountId, tokenId))
			.orElseThrow(Tokens::ended);
		if (standing.revoked() || standing.tokenGeneration() != ((Number) jwt.getClaim(GENERATION)).intValue()) {
			throw ended();
		}
		return standing;
	}

	private static InvalidBearerTokenException ended() {
		return new InvalidBearerTokenException("The token was ended by signing out or changing the password");
	}

	private static boolean isUuid(String value) {
		try {
			UUID.fromString(value);
			return value.length() == 36;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	record IssuedToken(String value, Instant expiresAt) {
	}

}
