package org.qibao.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A person deleted their data (China's PIPL). Published inside the transaction that erases them,
 * and handled synchronously in it by each module that keeps something of theirs, so that the
 * erasure is all or nothing: when the mutation answers, nothing with their name, phone number or
 * positions is left.
 *
 * @param accountId the tombstone account that remains
 * @param communityIds the communities they were a volunteer of
 * @param erasedAt when
 */
public record AccountErased(long accountId, Set<Long> communityIds, Instant erasedAt) {
}
