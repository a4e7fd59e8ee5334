package org.qibao.identity;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, so that a phone reporting its position every
 * few seconds does not pay for parsing and an HMAC on each request. The key is the whole token,
 * signature included, so only the very bytes that were verified hit; the claims (expiry above
 * all) are validated again on every use.
 */
final class VerifiedTokenCache implements JwtDecoder {

	private static final int MAX_TOKENS = 50_000;

	private static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified = Caffeine.newBuilder()
		.maximumSize(MAX_TOKENS)
		.expireAfterWrite(REMEMBERED_FOR)
		.build();

	VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
		this.verifier = verifier;
		this.validator = validator;
	}

	@Override
	public Jwt decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known == null) {
			Jwt jwt = this.verifier.decode(token);
			this.verified.put(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = this.validator.validate(known);
		if (result.hasErrors()) {
			this.verified.invalidate(token);
			throw new JwtValidationException("The token is no longer valid", result.getErrors());
		}
		return known;
	}

}
