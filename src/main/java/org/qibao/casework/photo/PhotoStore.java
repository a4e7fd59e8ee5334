package org.qibao.casework.photo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Photos in PostgreSQL, so that any instance serves any photo. */
@Repository
class PhotoStore {

	private final JdbcClient jdbc;

	PhotoStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored photo with its bytes, as it is served. */
	record StoredPhoto(UUID id, long uploadedBy, Long caseId, byte[] jpeg) {
	}

	CasePhoto insert(long accountId, PhotoNormaliser.Normalised photo, Instant at) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO case_photo (id, uploaded_by, uploaded_at, content_type, width, height, bytes)
				VALUES (?, ?, ?, 'image/jpeg', ?, ?, ?)""")
			.params(id, accountId, Timestamp.from(at), photo.width(), photo.height(), photo.jpeg())
			.update();
		return new CasePhoto(id, accountId, at, null, photo.width(), photo.height(), CasePhoto.urlOf(id));
	}

	Optional<StoredPhoto> find(UUID id) {
		return this.jdbc.sql("SELECT id, uploaded_by, case_id, bytes FROM case_photo WHERE id = ?")
			.param(id)
			.query((rs, n) -> new StoredPhoto(rs.getObject("id", UUID.class), rs.getLong("uploaded_by"),
					rs.getObject("case_id", Long.class), rs.getBytes("bytes")))
			.optional();
	}

	/** Deletes the photos uploaded before the time and never attached to a case; the number deleted. */
	int deleteUnattachedBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM case_photo WHERE case_id IS NULL AND uploaded_at < ?")
			.param(Timestamp.from(before))
			.update();
	}

}
