package org.qibao.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs and reads the bearer tokens Qibao issues at sign-in (HS256). The key is configured
 * ({@code qibao.security.token-secret}) so that every instance shares it, or, in local mode,
 * generated once and kept in the data directory.
 */
@Component
class Tokens implements Converter<Jwt, AbstractAuthenticationToken> {

	static final String ISSUER = "qibao";

	private final NimbusJwtEncoder encoder;

	private final JwtDecoder decoder;

	private final Duration lifetime;

	private final CurrentRoles currentRoles;

	Tokens(@Value("${qibao.security.token-secret:}") String configuredSecret,
			@Value("${qibao.data-dir}") Path dataDir,
			@Value("${qibao.security.token-lifetime}") Duration lifetime, CurrentRoles currentRoles) {
		SecretKey key = new SecretKeySpec(secret(configuredSecret, dataDir), "HmacSHA256");
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		NimbusJwtDecoder verifier = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		verifier.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
		this.decoder = new VerifiedTokenCache(verifier, JwtValidators.createDefaultWithIssuer(ISSUER));
		this.lifetime = lifetime;
		this.currentRoles = currentRoles;
	}

	IssuedToken issue(Account account, List<ScopedRole> roles) {
		return issue(account, roles, Instant.now());
	}

	IssuedToken issue(Account account, List<ScopedRole> roles, Instant now) {
		Instant expiresAt = now.plus(this.lifetime);
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(Long.toString(account.id()))
			.issuedAt(now)
			.expiresAt(expiresAt)
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
	 * The request's actor. Its roles are the account's current ones, not the token's {@code roles}
	 * claim (kept for clients to read): a revoked role stops working before the token expires. They
	 * are read only when the request checks one, so requests that check none cost no lookup.
	 */
	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		long accountId = Long.parseLong(jwt.getSubject());
		Actor actor = new Actor(accountId, jwt.getClaimAsString("name"), this.currentRoles.viewOf(accountId));
		return new ActorAuthentication(actor, jwt);
	}

	private static byte[] secret(String configured, Path dataDir) {
		if (!configured.isBlank()) {
			byte[] secret = Base64.getDecoder().decode(configured.trim());
			if (secret.length < 32) {
				throw new IllegalStateException("qibao.security.token-secret must hold at least 32 bytes (base64)");
			}
			return secret;
		}
		Path file = dataDir.resolve("token-secret");
		try {
			if (!Files.exists(file)) {
				byte[] secret = new byte[32];
				new SecureRandom().nextBytes(secret);
				Files.createDirectories(dataDir);
				Path written = Files.writeString(Files.createTempFile(dataDir, "token-secret", ".new"),
						Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
				Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
				// two instances starting at once must end up with one key
				try {
					Files.move(written, file);
				}
				catch (java.nio.file.FileAlreadyExistsException ex) {
					Files.deleteIfExists(written);
				}
			}
			return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the token key in " + file, ex);
		}
	}

	record IssuedToken(String value, Instant expiresAt) {
	}

}
