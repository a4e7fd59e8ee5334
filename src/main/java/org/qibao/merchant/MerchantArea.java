package org.qibao.merchant;

import java.util.List;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a community's shops may be: its area is the union of its grids, and a shop on the street
 * that bounds them counts too, so up to {@code qibao.merchant.area-tolerance-metres} (200 m)
 * outside the nearest grid is accepted. A community without grids cannot tell, and takes any position.
 */
@Component
class MerchantArea {

	private final Geography geography;

	private final int toleranceMetres;

	MerchantArea(Geography geography, @Value("${qibao.merchant.area-tolerance-metres:200}") int toleranceMetres) {
		this.geography = geography;
		this.toleranceMetres = toleranceMetres;
	}

	/** Refuses a position too far outside the community with {@code LOCATION_OUTSIDE_COMMUNITY}. */
	void check(Community community, GeoPoint location) {
		List<Grid> grids = this.geography.gridsOf(community.id());
		if (grids.isEmpty()) {
			return;
		}
		double outside = grids.stream().mapToDouble(grid -> this.geography.metresOutside(grid, location)).min().orElse(0);
		if (outside > this.toleranceMetres) {
			throw new BusinessRuleException("LOCATION_OUTSIDE_COMMUNITY", "location", Math.round(outside), community.name(),
					this.toleranceMetres);
		}
	}

}
