package org.qibao.casework.photo;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.qibao.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos of cases, for the case workflow: a report (or a handler's feedback) names the photos
 * its author uploaded beforehand ({@code POST /api/casework/photos}), and they are attached to the
 * case in the same transaction as the case is written.
 */
@Component
public class CasePhotos {

	/** The most photos one report, note or feedback may carry. */
	public static final int MAX_PER_ATTACHMENT = 4;

	private final JdbcClient jdbc;

	CasePhotos(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Attaches photos the account uploaded and has not attached yet to the case, all or none.
	 * Refuses (with {@link BusinessRuleException} on field {@code photoIds}) more than
	 * {@value #MAX_PER_ATTACHMENT} photos ({@code TOO_MANY_PHOTOS}), and any photo that is not
	 * the account's, is unknown or is attached already ({@code PHOTO_NOT_FOUND}), so the caller's
	 * transaction rolls back. Two cases claiming one photo at once: one gets it, the other is refused.
	 */
	@Transactional
	public List<CasePhoto> attach(long accountId, long caseId, Collection<UUID> photoIds) {
		Set<UUID> ids = new LinkedHashSet<>(photoIds);
		if (ids.size() > MAX_PER_ATTACHMENT) {
			throw new BusinessRuleException("TOO_MANY_PHOTOS", "photoIds", MAX_PER_ATTACHMENT);
		}
		if (ids.isEmpty()) {
			return List.of();
		}
		int attached = this.jdbc.sql("""
				UPDATE case_photo SET case_id = ?, attached_at = now()
				WHERE id = ANY(?) AND uploaded_by = ? AND case_id IS NULL""")
			.params(caseId, ids.toArray(UUID[]::new), accountId)
			.update();
		if (attached != ids.size()) {
			throw new BusinessRuleException("PHOTO_NOT_FOUND", "photoIds");
		}
		return of(caseId);
	}

	/** A case's photos, in the order they were attached. */
	public List<CasePhoto> of(long caseId) {
		return ofCases(List.of(caseId)).getOrDefault(caseId, List.of());
	}

	/** The photos of each of the cases (for a batch of cases: one query). */
	public Map<Long, List<CasePhoto>> ofCases(Collection<Long> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				SELECT id, uploaded_by, uploaded_at, case_id, width, height FROM case_photo
				WHERE case_id = ANY(?) ORDER BY case_id, attached_at, uploaded_at, id""")
			.param(caseIds.toArray(Long[]::new))
			.query((rs, n) -> photo(rs))
			.list()
			.stream()
			.collect(Collectors.groupingBy(CasePhoto::caseId, java.util.LinkedHashMap::new, Collectors.toList()));
	}

	/** An attached photo's JPEG and its case. */
	public record AttachedPhoto(UUID id, long caseId, byte[] jpeg) {
	}

	/** The photo if it is attached to a case (for channels that check access by the case themselves). */
	public Optional<AttachedPhoto> attached(UUID photoId) {
		return this.jdbc.sql("SELECT id, case_id, bytes FROM case_photo WHERE id = ? AND case_id IS NOT NULL")
			.param(photoId)
			.query((rs, n) -> new AttachedPhoto(rs.getObject("id", UUID.class), rs.getLong("case_id"), rs.getBytes("bytes")))
			.optional();
	}

	/** The URL a photo is served at (to those allowed to see it). */
	public String url(UUID photoId) {
		return CasePhoto.urlOf(photoId);
	}

	/** A photo ID as a client sends it, or empty when it is not one. */
	public static Optional<UUID> parseId(String id) {
		if (id == null || id.length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
	}

	static CasePhoto photo(java.sql.ResultSet rs) throws java.sql.SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new CasePhoto(id, rs.getLong("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(),
				rs.getObject("case_id", Long.class), rs.getInt("width"), rs.getInt("height"), CasePhoto.urlOf(id));
	}

}
