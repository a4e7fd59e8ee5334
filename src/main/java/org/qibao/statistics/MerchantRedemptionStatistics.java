package org.qibao.statistics;

import org.qibao.merchant.Merchant;

/** A merchant's confirmed redemptions in the month and their minutes. */
record MerchantRedemptionStatistics(Merchant merchant, int redemptions, long minutes) {
}
