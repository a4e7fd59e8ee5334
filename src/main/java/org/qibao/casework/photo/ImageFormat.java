package org.qibao.casework.photo;

import java.util.Optional;

/** The image formats taken, told by their first bytes (never by a file's name or declared type). */
enum ImageFormat {

	JPEG("jpeg"), PNG("png"), WEBP("webp");

	private final String imageIoName;

	ImageFormat(String imageIoName) {
		this.imageIoName = imageIoName;
	}

	/** The format name ImageIO's readers answer to. */
	String imageIoName() {
		return this.imageIoName;
	}

	/** The format the bytes start as, or empty when they start as none taken. */
	static Optional<ImageFormat> of(byte[] bytes) {
		if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, int... magic) {
		if (bytes.length < offset + magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[offset + i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
