package org.qibao.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key tokens are signed with. Configured ({@code QIBAO_TOKEN_SECRET}) so that every instance
 * shares it; only in local mode, where both stores are embedded and so only one instance can run,
 * generated once and kept in the data directory. With an external store and no key, several
 * instances would each make their own and refuse each other's tokens: start-up fails instead.
 */
final class TokenSecret {

	static final String MISSING = """
			QIBAO_TOKEN_SECRET (qibao.security.token-secret) must be set when PostgreSQL or Redis is external: \
			every instance must sign tokens with the same key. Generate one with `openssl rand -base64 32` \
			and give the same value to every instance.""";

	private TokenSecret() {
	}

	static byte[] of(String configured, Path dataDir, boolean embeddedStores) {
		if (configured != null && !configured.isBlank()) {
			byte[] secret;
			try {
				secret = Base64.getDecoder().decode(configured.trim());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("qibao.security.token-secret must be base64 (of at least 32 random bytes)");
			}
			if (secret.length < 32) {
				throw new IllegalStateException("qibao.security.token-secret must hold at least 32 bytes (base64)");
			}
			return secret;
		}
		if (!embeddedStores) {
			throw new IllegalStateException(MISSING);
		}
		return kept(dataDir);
	}

	private static byte[] kept(Path dataDir) {
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

}
