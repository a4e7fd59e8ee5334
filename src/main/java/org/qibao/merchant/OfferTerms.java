package org.qibao.merchant;

import java.time.Instant;

import org.qibao.shared.BusinessRuleException;

/** What a merchant writes when creating or editing an offer, checked before it is stored. */
public record OfferTerms(String title, String description, String discount, int priceMinutes, Instant validFrom,
		Instant validUntil, Integer dailyLimit, Integer monthlyLimit, Integer stock) {

	public OfferTerms {
		title = title == null ? "" : title.trim();
		description = description == null ? "" : description.trim();
		discount = discount == null ? "" : discount.trim();
	}

	/** Refuses terms the offer could not be redeemed under. */
	public OfferTerms checked() {
		if (this.title.isEmpty() || this.title.length() > 60) {
			throw new BusinessRuleException("INVALID_OFFER_TITLE", "title");
		}
		if (this.discount.isEmpty() || this.discount.length() > 80) {
			throw new BusinessRuleException("INVALID_OFFER_DISCOUNT", "discount");
		}
		if (this.description.length() > 500) {
			throw new BusinessRuleException("INVALID_OFFER_DESCRIPTION", "description");
		}
		if (this.priceMinutes < 1 || this.priceMinutes > 6000) {
			throw new BusinessRuleException("INVALID_OFFER_PRICE", "priceMinutes");
		}
		if (this.validFrom == null || this.validUntil == null || !this.validUntil.isAfter(this.validFrom)) {
			throw new BusinessRuleException("INVALID_OFFER_WINDOW", "validUntil");
		}
		positiveOrNull(this.dailyLimit, "dailyLimit");
		positiveOrNull(this.monthlyLimit, "monthlyLimit");
		if (this.stock != null && this.stock < 0) {
			throw new BusinessRuleException("INVALID_OFFER_LIMIT", "stock");
		}
		return this;
	}

	private static void positiveOrNull(Integer limit, String field) {
		if (limit != null && limit < 1) {
			throw new BusinessRuleException("INVALID_OFFER_LIMIT", field);
		}
	}

}
