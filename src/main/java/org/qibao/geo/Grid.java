package org.qibao.geo;

import org.qibao.shared.GeoPoint;
import org.qibao.shared.Identified;
import org.qibao.shared.Named;

/** A grid (网格) with its boundary as GeoJSON text. */
public record Grid(long id, long communityId, String code, String name, String boundary, double centerLon,
		double centerLat) implements Identified, Named {

	public GeoPoint center() {
		return new GeoPoint(this.centerLon, this.centerLat);
	}

}
