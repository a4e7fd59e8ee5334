package org.qibao.merchant;

import org.qibao.shared.GeoPoint;
import org.qibao.shared.Identified;
import org.qibao.shared.Named;

/** A local shop that gives time-bank holders discounts. */
public record Merchant(long id, long communityId, String name, String category, String address, double longitude,
		double latitude, MerchantStatus status) implements Identified, Named {

	public GeoPoint location() {
		return new GeoPoint(this.longitude, this.latitude);
	}

	/** Only an approved merchant's offers can be redeemed. */
	public boolean approved() {
		return this.status == MerchantStatus.APPROVED;
	}

}
