package org.qibao.casework.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Images as phones and attackers send them, made in the test. */
final class TestImages {

	private TestImages() {
	}

	/** A JPEG whose left half is red and right half blue. */
	static byte[] jpeg(int width, int height) {
		return encode(halves(width, height), "jpeg");
	}

	/** A JPEG of noise at full quality: megabytes, as a phone's photo is. */
	static byte[] noisyJpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		java.util.Random random = new java.util.Random(42);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(1.0f);
			writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	static byte[] png(int width, int height) {
		return encode(halves(width, height), "png");
	}

	/** A 64 × 48 WebP made by cwebp. */
	static byte[] webp() {
		try (InputStream in = TestImages.class.getResourceAsStream("/casework/gradient.webp")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The JPEG as a phone writes it: an EXIF segment with the maker, the model, the orientation and a
	 * GPS position, and a comment.
	 */
	static byte[] withPhoneMetadata(byte[] jpeg, int orientation) {
		byte[] tiff = exif(orientation);
		byte[] comment = "taken at 30.5928N 114.3055E".getBytes(StandardCharsets.US_ASCII);
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + tiff.length + 10 + comment.length + 4);
		out.put(jpeg, 0, 2);
		out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
		out.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
		out.put((byte) 0xFF).put((byte) 0xFE).putShort((short) (2 + comment.length)).put(comment);
		out.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}

	/** A PNG whose header declares width × height pixels, with a tiny image behind it. */
	static byte[] pngDeclaring(int width, int height) {
		byte[] png = png(4, 4);
		ByteBuffer buffer = ByteBuffer.wrap(png);
		// IHDR's data starts after the signature (8), the chunk's length (4) and type (4)
		buffer.putInt(16, width).putInt(20, height);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 4 + 13);
		buffer.putInt(29, (int) crc.getValue());
		return png;
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	static BufferedImage decode(byte[] bytes) {
		try {
			return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the JPEG has a segment with the marker (0xE1 APP1, 0xFE comment...) before its scan. */
	static boolean hasSegment(byte[] jpeg, int marker) {
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
			int found = jpeg[at + 1] & 0xFF;
			if (found == marker) {
				return true;
			}
			if (found == 0xDA) {
				return false;
			}
			at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
		}
		return false;
	}

	private static BufferedImage halves(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, width / 2, height);
		g.setColor(Color.BLUE);
		g.fillRect(width / 2, 0, width - width / 2, height);
		g.dispose();
		return image;
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A big-endian TIFF structure: IFD0 (Make, Model, Orientation, GPS IFD) and a GPS IFD. */
	private static byte[] exif(int orientation) {
		ByteBuffer tiff = ByteBuffer.allocate(119);
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		tiff.putShort((short) 4);
		entry(tiff, 0x010F, 2, 6, 62);
		entry(tiff, 0x0110, 2, 14, 68);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		entry(tiff, 0x8825, 4, 1, 82);
		tiff.putInt(0);
		tiff.put("Apple\0".getBytes(StandardCharsets.US_ASCII));
		tiff.put("iPhone 15 Pro\0".getBytes(StandardCharsets.US_ASCII));
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		entry(tiff, 0x0012, 2, 7, 112);
		tiff.putInt(0);
		tiff.put("WGS-84\0".getBytes(StandardCharsets.US_ASCII));
		return tiff.array();
	}

	private static void entry(ByteBuffer tiff, int tag, int type, int count, int value) {
		tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
	}

}
