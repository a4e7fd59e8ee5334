package org.qibao.casework;

import java.util.List;

import org.qibao.geo.Geofence;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a report lies in its community: the grid that covers the phone's position, or none (the
 * community's grid workers take it, so it is never lost). A position far from all the community's
 * grids is refused, naming swapped coordinates when swapping them would land in the community, the
 * most common mistake of a client that writes latitude first.
 */
@Component
class ReportPlacement {

	private final Geography geography;

	private final Geofence geofence;

	private final double reachMetres;

	ReportPlacement(Geography geography, Geofence geofence,
			@Value("${qibao.casework.community-reach-metres:3000}") double reachMetres) {
		this.geography = geography;
		this.geofence = geofence;
		this.reachMetres = reachMetres;
	}

	/** The grid the position lies in, or null when it lies outside every grid but near the community. */
	Long gridOf(long communityId, GeoPoint position) {
		List<Long> grids = this.geography.gridsOf(communityId).stream().map(Grid::id).toList();
		if (!position.isValid()) {
			throw swappedOr(grids, position, "INVALID_COORDINATES");
		}
		if (grids.isEmpty()) {
			return null;
		}
		Geofence.Placement placement = this.geofence.nearest(grids, position);
		if (placement.gridId() != null && placement.metresOutside() == 0) {
			return placement.gridId();
		}
		if (placement.metresOutside() <= this.reachMetres) {
			return null;
		}
		throw swappedOr(grids, position, "OUTSIDE_COMMUNITY");
	}

	/** {@code COORDINATES_SWAPPED} when swapping them lands in the community, else the given refusal. */
	private BusinessRuleException swappedOr(List<Long> grids, GeoPoint position, String code) {
		GeoPoint swapped = new GeoPoint(position.latitude(), position.longitude());
		if (!grids.isEmpty() && swapped.isValid()
				&& this.geofence.nearest(grids, swapped).metresOutside() <= this.reachMetres) {
			return new BusinessRuleException("COORDINATES_SWAPPED", "position");
		}
		return new BusinessRuleException(code, "position");
	}

}
