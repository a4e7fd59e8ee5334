package org.qibao.casework.photo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How case photos are taken in ({@code qibao.casework.photos.*}).
 *
 * @param maxSize the largest upload taken; larger ones are refused with 413
 * @param maxPixels the most pixels an image may declare (width × height), checked before it is
 *        decoded, so that a small file that unpacks into a huge image (a decompression bomb) is refused
 * @param maxEdge the longest edge of a stored photo: larger images are scaled down
 * @param jpegQuality the quality stored photos are encoded with (0 to 1)
 * @param uploads how many photos one person may upload in each {@code uploadWindow}
 * @param uploadWindow the window {@code uploads} counts in
 * @param concurrentDecodes how many uploads one instance decodes at once (each may take some
 *        hundred megabytes while it is decoded); others wait their turn
 * @param keepUnattached how long a photo never attached to a case is kept
 */
@ConfigurationProperties("qibao.casework.photos")
record PhotoProperties(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("50000000") long maxPixels,
		@DefaultValue("2048") int maxEdge, @DefaultValue("0.85") float jpegQuality, @DefaultValue("30") int uploads,
		@DefaultValue("10m") Duration uploadWindow, @DefaultValue("2") int concurrentDecodes,
		@DefaultValue("1d") Duration keepUnattached) {

	PhotoProperties {
		if (maxEdge < 64 || maxEdge > 10_000) {
			throw new IllegalArgumentException("qibao.casework.photos.max-edge must be between 64 and 10000");
		}
		if (jpegQuality <= 0 || jpegQuality > 1) {
			throw new IllegalArgumentException("qibao.casework.photos.jpeg-quality must be above 0 and at most 1");
		}
		if (concurrentDecodes < 1 || uploads < 1) {
			throw new IllegalArgumentException("qibao.casework.photos.concurrent-decodes and uploads must be at least 1");
		}
	}

}
