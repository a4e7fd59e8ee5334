package org.qibao.patrol;

import org.qibao.shared.GeoPoint;
import org.qibao.shared.Identified;

/** A named point of a shift with a QR plaque whose payload is {@code code}. */
record Checkpoint(long id, long shiftId, String name, double longitude, double latitude, String code)
		implements Identified {

	GeoPoint position() {
		return new GeoPoint(this.longitude, this.latitude);
	}

}
