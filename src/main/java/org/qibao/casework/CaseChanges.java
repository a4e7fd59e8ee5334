package org.qibao.casework;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.qibao.casework.photo.CasePhotos;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.qibao.casework.CaseRows.at;

/**
 * Everything that follows a change of a case, in the change's own transaction: the timeline entry,
 * the reporter's notification, the feed's outbox row, and (once committed) the live update to
 * grid workers' boards. The one place a change is recorded, so no step can forget a part.
 */
@Component
class CaseChanges {

	/** What a reporter is told of: every stage their case reaches, and what others add to it. */
	private static final Set<CaseEventKind> TOLD = EnumSet.of(CaseEventKind.INFO_ADDED, CaseEventKind.ACCEPTED,
			CaseEventKind.REJECTED, CaseEventKind.DISPATCHED, CaseEventKind.STARTED, CaseEventKind.RESOLVED,
			CaseEventKind.VERIFIED, CaseEventKind.REOPENED, CaseEventKind.CLOSED);

	private final JdbcClient jdbc;

	private final CaseOutbox outbox;

	private final CaseUpdates updates;

	private final CasePhotos photos;

	CaseChanges(JdbcClient jdbc, CaseOutbox outbox, CaseUpdates updates, CasePhotos photos) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.updates = updates;
		this.photos = photos;
	}

	/** Records what happened to the case, which is now {@code after}. */
	CaseEvent record(Case after, CaseEventKind kind, Long actorId, Instant at, String note, List<String> photoIds) {
		String text = note == null ? "" : note;
		if (!photoIds.isEmpty()) {
			// the actor's own uploads, attached in this transaction or not at all (PHOTO_NOT_FOUND)
			this.photos.attach(actorId, after.id(), photoIds.stream().map(UUID::fromString).toList());
		}
		long id = this.jdbc.sql("""
				INSERT INTO case_event (case_id, kind, stage, actor_id, at, note, photo_ids)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(after.id(), kind.name(), after.stage().name(), actorId, at(at), text, photoIds.toArray(String[]::new))
			.query(Long.class)
			.single();
		CaseEvent event = new CaseEvent(id, after.id(), kind, after.stage(), actorId, at, text, photoIds);
		if (TOLD.contains(kind) && (actorId == null || actorId != after.reporterId())) {
			this.jdbc.sql("""
					INSERT INTO case_notification (account_id, case_id, event_id, kind, stage, at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(after.reporterId(), after.id(), id, kind.name(), after.stage().name(), at(at))
				.update();
		}
		this.outbox.record(after, event);
		this.updates.announceAfterCommit(after.communityId(), after.id());
		return event;
	}

}
