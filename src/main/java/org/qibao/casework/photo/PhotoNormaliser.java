package org.qibao.casework.photo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.stereotype.Component;

/**
 * Turns an upload into the photo that is stored: the format told by the content's first bytes,
 * the pixel count read from the header and bounded before anything is decoded, the image decoded
 * (a file that does not decode is refused), turned upright, scaled down to the longest edge and
 * encoded anew as a JPEG from its pixels alone. Nothing of the upload but its pixels survives:
 * no EXIF (GPS position, phone model), no comments, no colour profile, and nothing appended
 * after the image (a ZIP, an HTML page: a polyglot file comes out as the plain image it also was).
 */
@Component
class PhotoNormaliser {

	/** How long an upload waits for a decoding slot before the instance says it is busy. */
	private static final long BUSY_AFTER_SECONDS = 30;

	private final PhotoProperties properties;

	private final Semaphore decoding;

	PhotoNormaliser(PhotoProperties properties) {
		this.properties = properties;
		this.decoding = new Semaphore(properties.concurrentDecodes(), true);
		// the WebP reader is a plugin in the application's jar: registered with the class loader that
		// sees it, whichever thread touched ImageIO first
		ImageIO.scanForPlugins();
	}

	/** A photo ready to store: JPEG bytes and their size in pixels. */
	record Normalised(byte[] jpeg, int width, int height) {
	}

	/** The stored form of the upload; refuses what is not an image taken, or too large. */
	Normalised normalise(byte[] upload) {
		ImageFormat format = ImageFormat.of(upload).orElseThrow(() -> new PhotoRefusal(415, "PHOTO_NOT_AN_IMAGE"));
		int orientation = (format == ImageFormat.JPEG) ? ExifOrientation.of(upload) : 1;
		waitForTurn();
		try {
			BufferedImage decoded = decode(format, upload);
			return encode(upright(decoded, orientation));
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PhotoRefusal refusal) {
				throw refusal;
			}
			throw new PhotoRefusal(415, "PHOTO_NOT_AN_IMAGE");
		}
		finally {
			this.decoding.release();
		}
	}

	/** Waits for a decoding slot; a busy instance refuses (503) rather than queue for ever. */
	private void waitForTurn() {
		try {
			if (!this.decoding.tryAcquire(BUSY_AFTER_SECONDS, TimeUnit.SECONDS)) {
				throw new PhotoRefusal(503, "PHOTO_BUSY");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PhotoRefusal(503, "PHOTO_BUSY");
		}
	}

	private BufferedImage decode(ImageFormat format, byte[] upload) throws IOException {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
		if (!readers.hasNext()) {
			throw new PhotoRefusal(415, "PHOTO_NOT_AN_IMAGE");
		}
		ImageReader reader = readers.next();
		try (MemoryCacheImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
			// read forward only, and skip the metadata: none of it is kept
			reader.setInput(input, true, true);
			long width = reader.getWidth(0);
			long height = reader.getHeight(0);
			if (width < 1 || height < 1 || width * height > this.properties.maxPixels()) {
				throw new PhotoRefusal(422, "PHOTO_TOO_MANY_PIXELS", this.properties.maxPixels() / 1_000_000);
			}
			ImageReadParam param = reader.getDefaultReadParam();
			// read every n-th pixel of a large image: the decoded image is at most about twice the stored edge
			int step = (int) Math.max(1, Math.max(width, height) / this.properties.maxEdge());
			param.setSourceSubsampling(step, step, 0, 0);
			return reader.read(0, param);
		}
		finally {
			reader.dispose();
		}
	}

	/** The image turned upright, scaled to at most the longest edge, on white (for transparency). */
	private BufferedImage upright(BufferedImage image, int orientation) {
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = ExifOrientation.swapsEdges(orientation);
		double scale = Math.min(1.0, (double) this.properties.maxEdge() / Math.max(w, h));
		int outWidth = Math.max(1, (int) Math.round((swap ? h : w) * scale));
		int outHeight = Math.max(1, (int) Math.round((swap ? w : h) * scale));
		BufferedImage out = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, outWidth, outHeight);
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			AffineTransform transform = AffineTransform.getScaleInstance(scale, scale);
			transform.concatenate(ExifOrientation.transform(orientation, w, h));
			g.drawImage(image, transform, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	private Normalised encode(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(this.properties.jpegQuality());
			// no metadata given: the writer adds only its JFIF header
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return new Normalised(bytes.toByteArray(), image.getWidth(), image.getHeight());
	}

}
