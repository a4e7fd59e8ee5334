package org.qibao.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.qibao.casework.photo.CasePhotos;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;

/**
 * A report as the phone sent it, and the rules its fields follow on their own (the position's
 * place in the community is {@link ReportPlacement}'s).
 */
record CaseReport(String reportId, long categoryId, String description, GeoPoint position, Instant reportedAt,
		boolean anonymous, List<String> photoIds) {

	static final int DESCRIPTION_LIMIT = 1000;

	static final int NOTE_LIMIT = 1000;

	static final int PHOTOS_LIMIT = 4;

	/** How long a phone may keep a report queued while offline. */
	static final Duration OFFLINE_LIMIT = Duration.ofDays(7);

	/** How far ahead of the server a phone's clock may run. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/**
	 * The report with its text trimmed and its time settled; refuses a field that breaks its rule.
	 * Coordinates out of range are left to {@link ReportPlacement}, which can tell swapped ones.
	 */
	CaseReport checked(Instant now) {
		if (this.reportId == null || !this.reportId.matches("[A-Za-z0-9_.:-]{8,100}")) {
			throw new BusinessRuleException("INVALID_REPORT_ID", "reportId");
		}
		String text = text(this.description, DESCRIPTION_LIMIT, "description");
		if (this.position == null || !Double.isFinite(this.position.longitude())
				|| !Double.isFinite(this.position.latitude())) {
			throw new BusinessRuleException("INVALID_COORDINATES", "position");
		}
		Instant at = this.reportedAt == null ? now : this.reportedAt;
		if (at.isAfter(now.plus(CLOCK_SKEW)) || at.isBefore(now.minus(OFFLINE_LIMIT))) {
			throw new BusinessRuleException("INVALID_REPORTED_AT", "reportedAt", OFFLINE_LIMIT.toDays());
		}
		return new CaseReport(this.reportId, this.categoryId, text, this.position, at.isAfter(now) ? now : at,
				this.anonymous, photos(this.photoIds));
	}

	/** Trimmed text of 1 to {@code limit} characters, or {@code INVALID_TEXT} on the field. */
	static String text(String value, int limit, String field) {
		String trimmed = value == null ? "" : value.strip();
		if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > limit) {
			throw new BusinessRuleException("INVALID_TEXT", field, limit);
		}
		return trimmed;
	}

	/** An optional note: empty when left out, else at most {@code limit} characters. */
	static String note(String value, int limit, String field) {
		return value == null || value.isBlank() ? "" : text(value, limit, field);
	}

	/** Photo IDs as uploads returned them (UUIDs), at most four; the photos themselves are checked when attached. */
	static List<String> photos(List<String> ids) {
		if (ids == null) {
			return List.of();
		}
		if (ids.size() > PHOTOS_LIMIT) {
			throw new BusinessRuleException("INVALID_PHOTOS", "photoIds", PHOTOS_LIMIT);
		}
		return ids.stream()
			.map(id -> CasePhotos.parseId(id).orElseThrow(() -> new BusinessRuleException("PHOTO_NOT_FOUND", "photoIds")))
			.distinct()
			.map(java.util.UUID::toString)
			.toList();
	}

}
