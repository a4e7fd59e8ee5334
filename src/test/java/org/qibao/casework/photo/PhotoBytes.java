package org.qibao.casework.photo;

/** A small real photo, for tests of other parts of casework that attach one. */
public final class PhotoBytes {

	private PhotoBytes() {
	}

	public static byte[] jpeg() {
		return TestImages.jpeg(24, 16);
	}

}
