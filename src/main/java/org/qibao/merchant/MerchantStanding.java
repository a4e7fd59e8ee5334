package org.qibao.merchant;

import java.util.Map;
import java.util.Optional;

import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shop's standing with its community, changed by the community's administrator:
 * PENDING → APPROVED or REJECTED (decided once), APPROVED ⇄ SUSPENDED. Each change is one
 * conditional update, so of two administrators deciding at once only one succeeds. Each change
 * goes to the audit log in its own transaction.
 */
@Service
class MerchantStanding {

	private final JdbcClient jdbc;

	private final Merchants merchants;

	private final Accounts accounts;

	private final StandingNotices notices;

	private final ApplicationEventPublisher events;

	MerchantStanding(JdbcClient jdbc, Merchants merchants, Accounts accounts, StandingNotices notices,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.accounts = accounts;
		this.notices = notices;
		this.events = events;
	}

	/** Approves a pending application; its applicant becomes the shop's staff (as its owner). */
	@Transactional
	Merchant approve(long merchantId, long administratorId) {
		Optional<Long> owner = this.jdbc.sql("""
				UPDATE merchant SET status = 'APPROVED', decided_at = now(), decided_by = ?
				WHERE id = ? AND status = 'PENDING' RETURNING owner_id""")
			.params(administratorId, merchantId)
			.query(Long.class)
			.optional();
		if (owner.isEmpty()) {
			throw new BusinessRuleException("MERCHANT_NOT_PENDING", "merchantId");
		}
		this.accounts.grant(owner.get(), Role.MERCHANT_STAFF, merchantId);
		Merchant approved = audited(merchantId, administratorId, "merchant.merchantApprove", MerchantStatus.PENDING, Map.of());
		this.notices.decided(approved, null);
		return approved;
	}

	/** Rejects a pending application with a reason the applicant sees. */
	@Transactional
	Merchant reject(long merchantId, long administratorId, String reason) {
		String why = reason == null ? "" : reason.trim();
		if (why.isEmpty() || why.length() > 200) {
			throw new BusinessRuleException("REASON_REQUIRED", "reason");
		}
		int rejected = this.jdbc.sql("""
				UPDATE merchant SET status = 'REJECTED', decided_at = now(), decided_by = ?, rejection_reason = ?
				WHERE id = ? AND status = 'PENDING'""")
			.params(administratorId, why, merchantId)
			.update();
		if (rejected == 0) {
			throw new BusinessRuleException("MERCHANT_NOT_PENDING", "merchantId");
		}
		Merchant rejectedShop = audited(merchantId, administratorId, "merchant.merchantReject", MerchantStatus.PENDING,
				Map.of("rejectionReason", why));
		this.notices.decided(rejectedShop, why);
		return rejectedShop;
	}

	/** Suspends an approved shop: its offers are hidden and its codes refused. */
	@Transactional
	Merchant suspend(long merchantId, long administratorId) {
		move(merchantId, MerchantStatus.APPROVED, MerchantStatus.SUSPENDED, "MERCHANT_NOT_APPROVED");
		Merchant shop = audited(merchantId, administratorId, "merchant.merchantSuspend", MerchantStatus.APPROVED, Map.of());
		this.notices.moved(shop);
		return shop;
	}

	/** Reinstates a suspended shop. */
	@Transactional
	Merchant reinstate(long merchantId, long administratorId) {
		move(merchantId, MerchantStatus.SUSPENDED, MerchantStatus.APPROVED, "MERCHANT_NOT_SUSPENDED");
		Merchant shop = audited(merchantId, administratorId, "merchant.merchantReinstate", MerchantStatus.SUSPENDED, Map.of());
		this.notices.moved(shop);
		return shop;
	}

	private void move(long merchantId, MerchantStatus from, MerchantStatus to, String refusal) {
		int moved = this.jdbc.sql("UPDATE merchant SET status = ? WHERE id = ? AND status = ?")
			.params(to.name(), merchantId, from.name())
			.update();
		if (moved == 0) {
			throw new BusinessRuleException(refusal, "merchantId");
		}
	}

	/** The shop as it is now, its change of standing (and anything added to it) told to the audit log. */
	private Merchant audited(long merchantId, long administratorId, String action, MerchantStatus from,
			Map<String, Object> added) {
		Merchant merchant = this.merchants.find(merchantId).orElseThrow();
		Map<String, Object> after = new java.util.LinkedHashMap<>(added);
		after.put("status", merchant.status().name());
		this.events.publishEvent(new AdministrativeAction(administratorId, merchant.communityId(), action, "Merchant",
				merchantId, Map.of("status", from.name()), after));
		return merchant;
	}

}
