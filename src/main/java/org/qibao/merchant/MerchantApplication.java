package org.qibao.merchant;

import java.time.Instant;

/** How a shop came to Qibao: who applied (its owner), how to reach it, and how the community decided. */
record MerchantApplication(long merchantId, long communityId, long applicantId, String contactPhone, Instant appliedAt,
		Instant decidedAt, String rejectionReason) {
}
