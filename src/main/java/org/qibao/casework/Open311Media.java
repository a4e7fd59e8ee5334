package org.qibao.casework;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.qibao.casework.photo.CasePhotos;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case photos for Open311 clients, which fetch a request's {@code media_url} without any token: the
 * URL names the key it was given to and is signed for that key and photo, so it works while the key
 * does, for photos of that key's community only, and cannot be made up for another photo.
 */
@Component
class Open311Media {

	private final JdbcClient jdbc;

	private final CasePhotos photos;

	private final Cases cases;

	private volatile byte[] secret;

	Open311Media(JdbcClient jdbc, CasePhotos photos, Cases cases) {
		this.jdbc = jdbc;
		this.photos = photos;
		this.cases = cases;
	}

	/** The path of a photo for the holder of a key. */
	String path(Open311Key key, UUID photoId) {
		return Open311Controller.PATH + "/media/" + key.id() + "/" + photoId + ".jpg?sig=" + signature(key.id(), photoId);
	}

	/** The photo's JPEG if the signature is the key's and the photo is of a case of the key's community. */
	Optional<byte[]> jpeg(Open311Key key, UUID photoId, String signature) {
		if (signature == null || !MessageDigest.isEqual(signature.getBytes(), signature(key.id(), photoId).getBytes())) {
			return Optional.empty();
		}
		return this.photos.attached(photoId)
			.filter(photo -> this.cases.find(photo.caseId()).filter(c -> c.communityId() == key.communityId()).isPresent())
			.map(CasePhotos.AttachedPhoto::jpeg);
	}

	private String signature(long keyId, UUID photoId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
			byte[] signed = mac.doFinal((keyId + ":" + photoId).getBytes());
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] secret() {
		byte[] known = this.secret;
		if (known == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			// the first instance's secret stays; the others read it
			this.jdbc.sql("INSERT INTO open311_media_secret (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")
				.param(fresh)
				.update();
			known = this.jdbc.sql("SELECT secret FROM open311_media_secret WHERE id = 1").query(byte[].class).single();
			this.secret = known;
		}
		return known;
	}

}
