package org.qibao.identity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What is kept of an invitation code: its HMAC-SHA256 under a key derived from the token secret.
 * A plain hash of a code from 8.5 × 10^11 could be reversed by trying them all, given a copy of
 * the database; without the secret, which the database does not hold, it cannot.
 */
@Component
class InvitationCodeHashes {

	private final SecretKeySpec key;

	@Autowired
	InvitationCodeHashes(@Value("${qibao.security.token-secret:}") String configuredSecret,
			@Value("${qibao.data-dir}") Path dataDir,
			@Value("${qibao.local.embedded-stores:false}") boolean embeddedStores) {
		this(TokenSecret.of(configuredSecret, dataDir, embeddedStores));
	}

	InvitationCodeHashes(byte[] secret) {
		// a key of its own, so that no code hash is ever a token signature
		this.key = new SecretKeySpec(mac(new SecretKeySpec(secret, "HmacSHA256"), "qibao invitation codes"), "HmacSHA256");
	}

	/** The hash of a code in its canonical form ({@link InvitationCodes#normalise}). */
	String of(String code) {
		return HexFormat.of().formatHex(mac(this.key, code));
	}

	private static byte[] mac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

}
