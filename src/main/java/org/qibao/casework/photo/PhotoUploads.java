package org.qibao.casework.photo;

import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.identity.Actor;
import org.qibao.shared.Throttle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes photos in (counted per person, across instances) and hands them out to those allowed to
 * see them: the uploader always, and once the photo is attached to a case, whoever may see the
 * case ({@link CasePhotoAccess}: if any access rule allows, it is allowed).
 */
@Component
class PhotoUploads {

	private static final Log log = LogFactory.getLog(PhotoUploads.class);

	private final PhotoNormaliser normaliser;

	private final PhotoStore store;

	private final ObjectProvider<CasePhotoAccess> access;

	private final PhotoProperties properties;

	private final Throttle throttle;

	private final Clock clock = Clock.systemUTC();

	PhotoUploads(PhotoNormaliser normaliser, PhotoStore store, ObjectProvider<CasePhotoAccess> access,
			PhotoProperties properties, StringRedisTemplate redis) {
		this.normaliser = normaliser;
		this.store = store;
		this.access = access;
		this.properties = properties;
		this.throttle = new Throttle(redis, "rate:casePhotoUpload", properties.uploads(), properties.uploadWindow());
	}

	/** Stores the upload as a photo of its uploader, not yet attached to a case. */
	CasePhoto upload(Actor actor, byte[] upload) {
		if (upload.length > this.properties.maxSize().toBytes()) {
			throw new PhotoRefusal(413, "PHOTO_TOO_LARGE", this.properties.maxSize().toMegabytes());
		}
		if (upload.length == 0) {
			throw new PhotoRefusal(400, "PHOTO_MISSING");
		}
		Throttle.Attempt attempt = this.throttle.attempt(Long.toString(actor.accountId()));
		if (!attempt.taken()) {
			throw new PhotoRefusal(429, "TOO_MANY_PHOTO_UPLOADS", Math.max(1, attempt.windowLeft().toMinutes()));
		}
		PhotoNormaliser.Normalised photo = this.normaliser.normalise(upload);
		return this.store.insert(actor.accountId(), photo, this.clock.instant());
	}

	/** The photo if it exists and the actor may see it, else empty (whether it exists is not told). */
	java.util.Optional<PhotoStore.StoredPhoto> download(Actor actor, java.util.UUID id) {
		return this.store.find(id).filter(photo -> maySee(actor, photo));
	}

	private boolean maySee(Actor actor, PhotoStore.StoredPhoto photo) {
		if (photo.uploadedBy() == actor.accountId()) {
			return true;
		}
		if (photo.caseId() == null) {
			return false;
		}
		List<CasePhotoAccess> rules = this.access.orderedStream().toList();
		return rules.stream().anyMatch(rule -> rule.maySee(actor, photo.caseId()));
	}

	@Scheduled(initialDelayString = "${qibao.casework.photos.clean-up-every:1h}",
			fixedDelayString = "${qibao.casework.photos.clean-up-every:1h}")
	void deleteNeverAttached() {
		int deleted = this.store.deleteUnattachedBefore(this.clock.instant().minus(this.properties.keepUnattached()));
		if (deleted > 0) {
			log.info("Deleted " + deleted + " case photos never attached to a case");
		}
	}

}
