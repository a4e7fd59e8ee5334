package org.qibao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** A verified token is reused only as the very same bytes, and its claims are checked on every use. */
class VerifiedTokenCacheTests {

	private final SecretKey key = new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(), "HmacSHA256");

	private final AtomicInteger verifications = new AtomicInteger();

	private final Instant issuedAt = Instant.now();

	private Instant now = this.issuedAt;

	private final Clock clock = new Clock() {
		@Override
		public Instant instant() {
			return VerifiedTokenCacheTests.this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			throw new UnsupportedOperationException();
		}
	};

	private final VerifiedTokenCache cache = new VerifiedTokenCache(countingVerifier(), validator());

	@Test
	void aTokenIsVerifiedOnceAndThenRecognised() {
		String token = token(Duration.ofHours(1));

		Jwt first = this.cache.decode(token);
		Jwt again = this.cache.decode(token);

		assertThat(again.getSubject()).isEqualTo(first.getSubject()).isEqualTo("42");
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void aRememberedTokenIsRefusedOnceItExpires() {
		String token = token(Duration.ofMinutes(5));
		this.cache.decode(token);

		this.now = this.issuedAt.plus(Duration.ofMinutes(10));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.cache.decode(token));
	}

	@Test
	void aTamperedCopyOfARememberedTokenIsVerifiedAndRefused() {
		String token = token(Duration.ofHours(1));
		this.cache.decode(token);
		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.cache.decode(tampered));
		assertThat(this.verifications).hasValue(2);
	}

	private String token(Duration lifetime) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(Tokens.ISSUER)
			.subject("42")
			.issuedAt(this.issuedAt)
			.expiresAt(this.issuedAt.plus(lifetime))
			.build();
		return new NimbusJwtEncoder(new ImmutableSecret<>(this.key))
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	private JwtDecoder countingVerifier() {
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(this.key).macAlgorithm(MacAlgorithm.HS256).build();
		nimbus.setJwtValidator(validator());
		return token -> {
			this.verifications.incrementAndGet();
			return nimbus.decode(token);
		};
	}

	private DelegatingOAuth2TokenValidator<Jwt> validator() {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
		timestamps.setClock(this.clock);
		return new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(Tokens.ISSUER), timestamps);
	}

}
