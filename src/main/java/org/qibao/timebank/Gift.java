package org.qibao.timebank;

import java.time.Instant;

/** Minutes one resident gave another, within the community's limits. */
record Gift(long id, long communityId, long senderId, long recipientId, int minutes, String note, Instant sentAt) {
}
