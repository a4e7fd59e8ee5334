package org.qibao.shared;

/** A point on the earth, WGS84 degrees; also the shape of {@code GeoPointInput}. */
public record GeoPoint(double longitude, double latitude) {

	/** True when both coordinates are finite and within their ranges. */
	public boolean isValid() {
		return Double.isFinite(this.longitude) && Double.isFinite(this.latitude) && Math.abs(this.longitude) <= 180
				&& Math.abs(this.latitude) <= 90;
	}

}
