package org.qibao.webclient;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import javax.imageio.ImageIO;

/**
 * Videos for Chromium's fake camera ({@link Browser#phoneWithCamera}): a still picture, e.g. the QR code
 * that one phone shows, filmed as a Y4M file for another phone's camera. Y4M is a header line followed,
 * for each frame, by {@code FRAME\n} and the raw I420 planes (luma at full size, then the two chroma
 * planes at half width and height). Chromium plays the file over and over, so one frame is a camera
 * held still.
 */
public final class FakeCamera {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 480;

	/** The largest side a picture is shown at, leaving a white border around it as paper would. */
	private static final int LARGEST = 400;

	private FakeCamera() {
	}

	/**
	 * A camera held over an image as a page shows it, e.g. the QR code on a volunteer's phone, from its
	 * {@code src}: a {@code data:image/png;base64,…} address.
	 */
	public static Path filmingImage(String pngDataUrl) {
		if (!pngDataUrl.startsWith("data:image/png;base64,")) {
			throw new IllegalArgumentException("not a PNG data address: " + pngDataUrl);
		}
		byte[] png = Base64.getDecoder().decode(pngDataUrl.substring(pngDataUrl.indexOf(',') + 1));
		try {
			return filming(ImageIO.read(new ByteArrayInputStream(png)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A camera held still over {@code picture}, shown at its centre on white. */
	public static Path filming(BufferedImage picture) {
		BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = frame.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			double scale = Math.min(1.0, (double) LARGEST / Math.max(picture.getWidth(), picture.getHeight()));
			int w = (int) Math.round(picture.getWidth() * scale);
			int h = (int) Math.round(picture.getHeight() * scale);
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
			g.drawImage(picture, (WIDTH - w) / 2, (HEIGHT - h) / 2, w, h, null);
		}
		finally {
			g.dispose();
		}
		return y4m(frame);
	}

	/** One frame of video in a temporary file that is deleted when the tests end. */
	private static Path y4m(BufferedImage frame) {
		try {
			Path file = Files.createTempFile("qibao-camera-", ".y4m");
			file.toFile().deleteOnExit();
			try (OutputStream out = Files.newOutputStream(file)) {
				out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F30:1 Ip A1:1 C420jpeg\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
				out.write(i420(frame));
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The frame in full-range BT.601 YCbCr (as {@code C420jpeg} says), chroma averaged over 2 × 2 pixels. */
	private static byte[] i420(BufferedImage frame) {
		int lumaSize = WIDTH * HEIGHT;
		int chromaWidth = WIDTH / 2;
		byte[] planes = new byte[lumaSize + 2 * (lumaSize / 4)];
		for (int y = 0; y < HEIGHT; y++) {
			for (int x = 0; x < WIDTH; x++) {
				int rgb = frame.getRGB(x, y);
				planes[y * WIDTH + x] = clamp(0.299 * red(rgb) + 0.587 * green(rgb) + 0.114 * blue(rgb));
			}
		}
		for (int y = 0; y < HEIGHT / 2; y++) {
			for (int x = 0; x < chromaWidth; x++) {
				double r = 0;
				double gr = 0;
				double b = 0;
				for (int dy = 0; dy < 2; dy++) {
					for (int dx = 0; dx < 2; dx++) {
						int rgb = frame.getRGB(2 * x + dx, 2 * y + dy);
						r += red(rgb) / 4.0;
						gr += green(rgb) / 4.0;
						b += blue(rgb) / 4.0;
					}
				}
				planes[lumaSize + y * chromaWidth + x] = clamp(128 - 0.168736 * r - 0.331264 * gr + 0.5 * b);
				planes[lumaSize + lumaSize / 4 + y * chromaWidth + x] = clamp(128 + 0.5 * r - 0.418688 * gr - 0.081312 * b);
			}
		}
		return planes;
	}

	private static int red(int rgb) {
		return (rgb >> 16) & 0xFF;
	}

	private static int green(int rgb) {
		return (rgb >> 8) & 0xFF;
	}

	private static int blue(int rgb) {
		return rgb & 0xFF;
	}

	private static byte clamp(double value) {
		return (byte) Math.max(0, Math.min(255, (int) Math.round(value)));
	}

}
