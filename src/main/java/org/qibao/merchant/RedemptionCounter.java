package org.qibao.merchant;

import java.time.Instant;
import java.util.Optional;

import org.qibao.shared.BusinessRuleException;
import org.qibao.timebank.AccountRef;
import org.qibao.timebank.TimeBank;
import org.qibao.timebank.Transfer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's side of a redemption: staff type or scan a code, see who and what it is for,
 * and confirm it; the hold is captured into the merchant's account exactly once.
 */
@Service
class RedemptionCounter {

	private final Redemptions redemptions;

	private final Merchants merchants;

	private final TimeBank timeBank;

	private final CodeAttempts attempts;

	private final RedemptionMetrics metrics;

	RedemptionCounter(Redemptions redemptions, Merchants merchants, TimeBank timeBank, CodeAttempts attempts,
			RedemptionMetrics metrics) {
		this.redemptions = redemptions;
		this.merchants = merchants;
		this.timeBank = timeBank;
		this.attempts = attempts;
		this.metrics = metrics;
	}

	/** The live code typed at this merchant, for the confirm screen; refused like a confirmation would be. */
	Redemption lookup(long staffId, long merchantId, String typed) {
		return live(staffId, merchantId, typed).forStaff();
	}

	/**
	 * Confirms the code: one conditional UPDATE takes it from ISSUED, so of many concurrent
	 * confirmations one wins and the rest see it used; then the hold is captured in the same
	 * transaction.
	 */
	@Transactional
	Redemption confirm(long staffId, long merchantId, String typed) {
		Redemption code = live(staffId, merchantId, typed);
		Redemption redeemed = this.redemptions.redeem(code.id(), staffId)
			.orElseThrow(() -> refused(notLive(this.redemptions.find(code.id()).orElseThrow())));
		Transfer transfer = this.timeBank.capture(redeemed.holdId(),
				AccountRef.merchant(redeemed.communityId(), redeemed.merchantId()), "redemption:" + redeemed.id());
		this.redemptions.recordTransfer(redeemed.id(), transfer.id());
		return redeemed.forStaff();
	}

	private Redemption live(long staffId, long merchantId, String typed) {
		try {
			this.attempts.checkNotExhausted(staffId);
		}
		catch (BusinessRuleException throttled) {
			throw refused(throttled);
		}
		Redemption found = find(staffId, merchantId, typed);
		if (!found.liveAt(Instant.now())) {
			throw refused(notLive(found));
		}
		Merchant merchant = this.merchants.find(merchantId).orElseThrow();
		if (!merchant.approved()) {
			throw refused(new BusinessRuleException("MERCHANT_NOT_APPROVED", "code"));
		}
		return found;
	}

	/**
	 * The code at this merchant; a short code is looked for among this merchant's codes only. A real
	 * code, whatever its state, is no guess; only a code that does not exist uses up an attempt.
	 */
	private Redemption find(long staffId, long merchantId, String typed) {
		RedemptionCodes.Typed code = RedemptionCodes.read(typed);
		Optional<Redemption> found = code == null ? Optional.empty()
				: code.token() != null ? this.redemptions.byToken(code.token())
						: this.redemptions.byShortCode(merchantId, code.shortCode());
		if (found.isEmpty()) {
			try {
				this.attempts.countWrong(staffId);
			}
			catch (BusinessRuleException throttled) {
				throw refused(throttled);
			}
			throw refused(new BusinessRuleException("CODE_NOT_FOUND", "code"));
		}
		if (found.get().merchantId() != merchantId) {
			throw refused(new BusinessRuleException("CODE_OTHER_MERCHANT", "code"));
		}
		return found.get();
	}

	private BusinessRuleException refused(BusinessRuleException refusal) {
		this.metrics.failedAttempt(refusal.code());
		return refusal;
	}

	/** Why a code that exists can no longer be confirmed or cancelled. */
	static BusinessRuleException notLive(Redemption code) {
		return switch (code.status()) {
			case REDEEMED -> new BusinessRuleException("CODE_ALREADY_USED", "code");
			case CANCELLED -> new BusinessRuleException("CODE_CANCELLED", "code");
			case EXPIRED, ISSUED -> new BusinessRuleException("CODE_EXPIRED", "code");
		};
	}

}
