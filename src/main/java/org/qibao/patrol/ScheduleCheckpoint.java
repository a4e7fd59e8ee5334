package org.qibao.patrol;

import org.qibao.shared.GeoPoint;
import org.qibao.shared.Identified;

/** A checkpoint of a recurring schedule: its plaque's code holds on every shift the schedule generates. */
record ScheduleCheckpoint(long id, long scheduleId, String name, double longitude, double latitude, String code)
		implements Identified {

	GeoPoint position() {
		return new GeoPoint(this.longitude, this.latitude);
	}

}
