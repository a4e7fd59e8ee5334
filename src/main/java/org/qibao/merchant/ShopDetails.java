package org.qibao.merchant;

import org.qibao.identity.PhoneNumbers;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;

/** What a person writes when applying for a shop, checked before it is stored. */
record ShopDetails(String name, String category, String address, GeoPoint location, String contactPhone) {

	ShopDetails {
		name = name == null ? "" : name.trim();
		category = category == null ? "" : category.trim();
		address = address == null ? "" : address.trim();
	}

	/** The details with the phone number as digits; refuses a blank or too long field, a bad position or phone. */
	ShopDetails checked() {
		if (this.name.isEmpty() || this.name.length() > 80) {
			throw new BusinessRuleException("INVALID_MERCHANT_NAME", "name");
		}
		if (!MerchantCategory.known(this.category)) {
			throw new BusinessRuleException("INVALID_MERCHANT_CATEGORY", "category");
		}
		if (this.address.isEmpty() || this.address.length() > 200) {
			throw new BusinessRuleException("INVALID_MERCHANT_ADDRESS", "address");
		}
		if (this.location == null || !this.location.isValid()) {
			throw new BusinessRuleException("INVALID_COORDINATES", "location");
		}
		String phone = PhoneNumbers.normalise(this.contactPhone);
		if (phone.isEmpty()) {
			throw new BusinessRuleException("INVALID_CONTACT_PHONE", "contactPhone");
		}
		return new ShopDetails(this.name, this.category, this.address, this.location, phone);
	}

}
