package org.qibao.merchant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.qibao.geo.Geography;
import org.qibao.shared.BusinessRuleException;
import org.qibao.timebank.AccountRef;
import org.qibao.timebank.Hold;
import org.qibao.timebank.TimeBank;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteer's side of a redemption: asking for a code (checks, a hold on the minutes, a
 * code), cancelling it, and the expiry of codes nobody used.
 */
@Service
class RedemptionDesk {

	/** The hold outlives its code, so that the code's own expiry (not the time bank's) releases it. */
	private static final Duration HOLD_GRACE = Duration.ofMinutes(10);

	private final Offers offers;

	private final Merchants merchants;

	private final Redemptions redemptions;

	private final TimeBank timeBank;

	private final Geography geography;

	private final RedemptionMetrics metrics;

	private final Duration codeLifetime;

	RedemptionDesk(Offers offers, Merchants merchants, Redemptions redemptions, TimeBank timeBank, Geography geography,
			RedemptionMetrics metrics, @Value("${qibao.merchant.code-lifetime:5m}") Duration codeLifetime) {
		this.offers = offers;
		this.merchants = merchants;
		this.redemptions = redemptions;
		this.timeBank = timeBank;
		this.geography = geography;
		this.metrics = metrics;
		this.codeLifetime = codeLifetime;
	}

	/**
	 * Issues a code for the offer. The offer's row lock makes requests for one offer take turns,
	 * so its last unit and each volunteer's limits go to exactly one request.
	 */
	@Transactional
	Redemption request(long volunteerId, Set<Long> volunteerCommunities, long offerId, String idempotencyKey) {
		Offer offer = this.offers.lock(offerId).orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "offerId"));
		Optional<Redemption> earlier = this.redemptions.byKey(idempotencyKey);
		if (earlier.isPresent()) {
			if (earlier.get().offerId() != offerId || earlier.get().volunteerId() != volunteerId) {
				throw new BusinessRuleException("IDEMPOTENCY_KEY_REUSED", "idempotencyKey");
			}
			return earlier.get();
		}
		Merchant merchant = this.merchants.find(offer.merchantId()).orElseThrow();
		if (!volunteerCommunities.contains(merchant.communityId())) {
			throw new BusinessRuleException("NOT_A_VOLUNTEER", "offerId");
		}
		Instant now = Instant.now();
		checkAvailable(merchant, offer, now);
		if (offer.dailyLimit() != null || offer.monthlyLimit() != null) {
			checkLimits(offer, volunteerId, this.geography.communities(List.of(merchant.communityId())).get(merchant.communityId()).zone(), now);
		}
		Instant expiresAt = now.plus(this.codeLifetime);
		Hold hold = this.timeBank.hold(AccountRef.passbook(merchant.communityId(), volunteerId), offer.priceMinutes(),
				expiresAt.plus(HOLD_GRACE), "offer:" + offerId, "redemption:" + idempotencyKey);
		for (int attempt = 0; attempt < 8; attempt++) {
			Optional<Redemption> issued = this.redemptions.insert(offer, merchant.communityId(), volunteerId, hold.id(),
					RedemptionCodes.shortCode(), idempotencyKey, expiresAt);
			if (issued.isPresent()) {
				return issued.get();
			}
		}
		throw new IllegalStateException("No free short code at merchant " + merchant.id());
	}

	private static void checkAvailable(Merchant merchant, Offer offer, Instant now) {
		if (!merchant.approved()) {
			throw new BusinessRuleException("MERCHANT_NOT_APPROVED", "offerId");
		}
		if (offer.status() != OfferStatus.ACTIVE) {
			throw new BusinessRuleException("OFFER_NOT_ACTIVE", "offerId");
		}
		if (!offer.current(now)) {
			throw new BusinessRuleException("OFFER_OUTSIDE_WINDOW", "offerId");
		}
		if (offer.stockLeft() != null && offer.stockLeft() <= 0) {
			throw new BusinessRuleException("OFFER_OUT_OF_STOCK", "offerId");
		}
	}

	/** Day and month are the community's own, in its time zone. */
	private void checkLimits(Offer offer, long volunteerId, ZoneId zone, Instant now) {
		LocalDate today = now.atZone(zone).toLocalDate();
		int[] taken = this.redemptions.takenSince(offer.id(), volunteerId, today.atStartOfDay(zone).toInstant(),
				today.withDayOfMonth(1).atStartOfDay(zone).toInstant());
		if (offer.dailyLimit() != null && taken[0] >= offer.dailyLimit()) {
			throw new BusinessRuleException("DAILY_LIMIT_REACHED", "offerId", offer.dailyLimit());
		}
		if (offer.monthlyLimit() != null && taken[1] >= offer.monthlyLimit()) {
			throw new BusinessRuleException("MONTHLY_LIMIT_REACHED", "offerId", offer.monthlyLimit());
		}
	}

	/** Cancels the volunteer's unused code and gives the minutes back. */
	@Transactional
	Redemption cancel(long volunteerId, long redemptionId) {
		Redemption cancelled = this.redemptions.cancel(redemptionId, volunteerId).orElseThrow(() -> {
			Redemption found = this.redemptions.find(redemptionId)
				.filter(r -> r.volunteerId() == volunteerId)
				.orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "redemptionId"));
			return new BusinessRuleException(RedemptionCounter.notLive(found).code(), "redemptionId");
		});
		releaseHold(cancelled);
		return cancelled;
	}

	/** Expires one overdue code that no other instance is expiring; empty when none is left. */
	@Transactional
	Optional<Long> expireOne() {
		Optional<Redemption> due = this.redemptions.expireOne();
		due.ifPresent(this::releaseHold);
		due.ifPresent(r -> this.metrics.expired());
		return due.map(Redemption::id);
	}

	/** The hold is open unless the time bank's own expiry came first, which gave the minutes back too. */
	private void releaseHold(Redemption redemption) {
		this.timeBank.findHold(redemption.holdId())
			.filter(h -> h.status() == Hold.Status.OPEN)
			.ifPresent(h -> this.timeBank.release(h.id()));
	}

}
