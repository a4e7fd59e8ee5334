package org.qibao.location;

import java.time.Instant;

import org.qibao.shared.GeoPoint;

/** One stored position of a check-in's track. */
record TrackPoint(GeoPoint position, double accuracy, Instant recordedAt, boolean inside) {

	String encode() {
		return this.position.longitude() + "," + this.position.latitude() + "," + this.accuracy + ","
				+ this.recordedAt.toEpochMilli() + "," + (this.inside ? 1 : 0);
	}

	static TrackPoint decode(String text) {
		String[] f = text.split(",");
		return new TrackPoint(new GeoPoint(Double.parseDouble(f[0]), Double.parseDouble(f[1])),
				Double.parseDouble(f[2]), Instant.ofEpochMilli(Long.parseLong(f[3])), "1".equals(f[4]));
	}

}
