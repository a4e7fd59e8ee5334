package org.qibao.geo;

import org.qibao.shared.GeoPoint;

/** Distances on the earth between two points, for every module that measures one. */
public final class Distances {

	/** The mean earth radius (IUGG), as the merchant module's great-circle distance in SQL uses it. */
	public static final double EARTH_RADIUS_METRES = 6_371_008.8;

	private Distances() {
	}

	/** The great-circle (haversine) distance between two points, in metres. */
	public static double metres(GeoPoint a, GeoPoint b) {
		double lat1 = Math.toRadians(a.latitude());
		double lat2 = Math.toRadians(b.latitude());
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(b.longitude() - a.longitude());
		double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
	}

}
