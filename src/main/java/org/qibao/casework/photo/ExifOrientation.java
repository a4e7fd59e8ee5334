package org.qibao.casework.photo;

import java.awt.geom.AffineTransform;

/**
 * The way up of a phone's JPEG: phones store the pixels as the sensor saw them and say in the EXIF
 * Orientation tag how to turn them. Stored photos keep no EXIF, so the turn is made on the pixels
 * instead, or a photo taken upright would be shown on its side. Reads the tag from IFD0 of the
 * first EXIF APP1 segment, bounds-checked throughout; 1 (as stored) when there is none.
 */
final class ExifOrientation {

	private static final int SOI = 0xD8;

	private static final int APP1 = 0xE1;

	private static final int SOS = 0xDA;

	private static final int ORIENTATION_TAG = 0x0112;

	private ExifOrientation() {
	}

	/** The EXIF orientation (1 to 8) of a JPEG's bytes. */
	static int of(byte[] jpeg) {
		if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
			return 1;
		}
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
			int marker = jpeg[at + 1] & 0xFF;
			int length = u16(jpeg, at + 2, false);
			if (marker == SOS || length < 2 || at + 2 + length > jpeg.length) {
				return 1;
			}
			if (marker == APP1 && isExif(jpeg, at + 4, length - 2)) {
				return inTiff(jpeg, at + 10, at + 2 + length);
			}
			at += 2 + length;
		}
		return 1;
	}

	/** How pixels of a w × h image move to be upright (in the same pixel units). */
	static AffineTransform transform(int orientation, int w, int h) {
		return switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
			default -> new AffineTransform();
		};
	}

	/** Whether the turn swaps width and height. */
	static boolean swapsEdges(int orientation) {
		return orientation >= 5 && orientation <= 8;
	}

	private static boolean isExif(byte[] b, int at, int length) {
		return length >= 14 && b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f'
				&& b[at + 4] == 0 && b[at + 5] == 0;
	}

	/** The orientation in the TIFF structure at {@code tiff}, which must end before {@code end}. */
	private static int inTiff(byte[] b, int tiff, int end) {
		boolean little;
		if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
			little = true;
		}
		else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
			little = false;
		}
		else {
			return 1;
		}
		long ifd = u32(b, tiff + 4, little);
		if (ifd < 8 || tiff + ifd + 2 > end) {
			return 1;
		}
		int entries = u16(b, tiff + (int) ifd, little);
		for (int i = 0; i < entries; i++) {
			int entry = tiff + (int) ifd + 2 + i * 12;
			if (entry + 12 > end) {
				return 1;
			}
			if (u16(b, entry, little) == ORIENTATION_TAG) {
				int value = u16(b, entry + 8, little);
				return (value >= 1 && value <= 8) ? value : 1;
			}
		}
		return 1;
	}

	private static int u16(byte[] b, int at, boolean little) {
		int first = b[at] & 0xFF;
		int second = b[at + 1] & 0xFF;
		return little ? (second << 8) | first : (first << 8) | second;
	}

	private static long u32(byte[] b, int at, boolean little) {
		long high = u16(b, little ? at + 2 : at, little);
		long low = u16(b, little ? at : at + 2, little);
		return (high << 16) | low;
	}

}
