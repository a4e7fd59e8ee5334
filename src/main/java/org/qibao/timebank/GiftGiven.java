package org.qibao.timebank;

import java.time.Instant;

/**
 * A resident gave minutes to a neighbour (a new gift, not a replayed request). Gamification
 * recognises the help.
 *
 * @param giftId the gift; the idempotency key of whatever a listener does with it
 * @param communityId the community whose time bank carried it
 * @param senderId who gave
 * @param recipientId who received
 * @param minutes how many minutes
 * @param sentAt when
 */
public record GiftGiven(long giftId, long communityId, long senderId, long recipientId, int minutes, Instant sentAt) {
}
