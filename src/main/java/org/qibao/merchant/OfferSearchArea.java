package org.qibao.merchant;

import org.qibao.geo.Geofence;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;

/**
 * The circle around a volunteer in which to look for offers, and the latitude/longitude box
 * around it that lets the database discard far-away shops through an index before it computes
 * any exact distance.
 */
record OfferSearchArea(GeoPoint centre, int radiusMetres) {

	static final int DEFAULT_RADIUS = 2000;

	static final int MIN_RADIUS = 100;

	static final int MAX_RADIUS = 20_000;

	/** The mean earth radius (IUGG), as the great-circle distance in SQL uses it. */
	static final double EARTH_RADIUS_METRES = Geofence.EARTH_RADIUS_METRES;

	/**
	 * The area around a position a phone reported; refuses what is not a position on the earth
	 * (NaN, out of range, longitude and latitude swapped so that the latitude exceeds 90, or the
	 * (0, 0) that broken GPS chips report) and radii outside 100 m to 20 km.
	 */
	static OfferSearchArea around(GeoPoint near, Integer radiusMetres) {
		if (near == null || !near.isValid() || (Math.abs(near.longitude()) < 1e-6 && Math.abs(near.latitude()) < 1e-6)) {
			throw new BusinessRuleException("INVALID_COORDINATES", "near");
		}
		int radius = (radiusMetres == null) ? DEFAULT_RADIUS : radiusMetres;
		if (radius < MIN_RADIUS || radius > MAX_RADIUS) {
			throw new BusinessRuleException("INVALID_RADIUS", "radiusMetres");
		}
		return new OfferSearchArea(near, radius);
	}

	/** The radius as degrees of latitude (the same everywhere). */
	private double latitudeSpan() {
		return Math.toDegrees(this.radiusMetres / EARTH_RADIUS_METRES);
	}

	double minLatitude() {
		return Math.max(-90, this.centre.latitude() - latitudeSpan());
	}

	double maxLatitude() {
		return Math.min(90, this.centre.latitude() + latitudeSpan());
	}

	/**
	 * The radius as degrees of longitude at the box's edge nearest a pole, where they are
	 * narrowest; NaN when the box reaches a pole, where every longitude is near.
	 */
	private double longitudeSpan() {
		double edge = Math.max(Math.abs(minLatitude()), Math.abs(maxLatitude()));
		return (edge >= 90) ? Double.NaN : latitudeSpan() / Math.cos(Math.toRadians(edge));
	}

	/** Whether the box is a plain longitude range: not around a pole, not across the 180° meridian. */
	private boolean longitudeBounded() {
		double span = longitudeSpan();
		return !Double.isNaN(span) && this.centre.longitude() - span >= -180 && this.centre.longitude() + span <= 180;
	}

	double minLongitude() {
		return longitudeBounded() ? this.centre.longitude() - longitudeSpan() : -180;
	}

	double maxLongitude() {
		return longitudeBounded() ? this.centre.longitude() + longitudeSpan() : 180;
	}

}
