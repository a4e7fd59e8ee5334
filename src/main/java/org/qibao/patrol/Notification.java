package org.qibao.patrol;

import java.time.Instant;

import org.qibao.shared.Identified;

/** Something a volunteer is told: a cancelled shift, a place off the waitlist, a join decision. */
record Notification(long id, long accountId, String kind, Long shiftId, Long teamId, String detail,
		Instant createdAt, String message) implements Identified {

	Notification withMessage(String text) {
		return new Notification(this.id, this.accountId, this.kind, this.shiftId, this.teamId, this.detail,
				this.createdAt, text);
	}

}
