package org.qibao.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque global ID of a {@link Identified node}: its GraphQL type name and key, base64url
 * encoded, so that clients treat it as a token and never build one themselves.
 */
public record GlobalId(String type, long key) {

	public static String encode(String type, long key) {
		String raw = type + ":" + key;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes a global ID; throws {@link InvalidIdException} when it is not one. */
	public static GlobalId decode(String id) {
		if (id == null || id.isEmpty() || id.length() > 200) {
			throw new InvalidIdException(id);
		}
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidIdException(id);
		}
		int colon = raw.indexOf(':');
		if (colon <= 0) {
			throw new InvalidIdException(id);
		}
		try {
			return new GlobalId(raw.substring(0, colon), Long.parseLong(raw.substring(colon + 1)));
		}
		catch (NumberFormatException ex) {
			throw new InvalidIdException(id);
		}
	}

	/** The key of an ID that must name an object of the given type. */
	public static long keyOf(String id, String expectedType) {
		GlobalId globalId = decode(id);
		if (!globalId.type().equals(expectedType)) {
			throw new InvalidIdException(id);
		}
		return globalId.key();
	}

	@Override
	public String toString() {
		return encode(this.type, this.key);
	}

	/** An ID that is not a global ID, or not one of the type the caller expects. */
	public static class InvalidIdException extends RuntimeException {

		public InvalidIdException(String id) {
			super("Not a valid ID: " + InputText.echo(id));
		}

	}

}
