package org.qibao.notification;

import java.time.Instant;
import java.util.List;

import org.qibao.shared.Identified;

/**
 * A notice kept for its addressee; the shift and team it is about are resolved by the patrol
 * module, which owns them.
 */
public record Notification(long id, long accountId, NotificationKind kind, List<Object> params, String detail,
		Long shiftId, Long teamId, Instant createdAt, Instant readAt) implements Identified {

	Notice notice() {
		return new Notice(this.kind, this.params, this.detail, this.shiftId, this.teamId, null);
	}

}
