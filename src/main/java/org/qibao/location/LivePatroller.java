package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.qibao.shared.GeoPoint;

/**
 * A patroller on the live map: the last stored position of an open check-in, with what the
 * map and its permissions need to know about it. Kept in Redis in a compact text form.
 *
 * @param gridId the patrol-area grid the position lies in, or null when outside the area
 * @param stale true when the position is older than the configured staleness (shown greyed)
 * @param distanceMetres the distance from the point a "near" query asked about, or null
 */
record LivePatroller(long checkInId, long accountId, long teamId, long communityId, List<Long> patrolGridIds,
		Long gridId, GeoPoint position, double accuracy, Instant recordedAt, Double speed, Double heading,
		boolean inside, boolean stale, Double distanceMetres) {

	private static final String VERSION = "1";

	String encode() {
		return String.join("|", VERSION, Long.toString(this.accountId), Long.toString(this.teamId),
				Long.toString(this.communityId), joined(this.patrolGridIds), text(this.gridId),
				Double.toString(this.position.longitude()), Double.toString(this.position.latitude()),
				Double.toString(this.accuracy), Long.toString(this.recordedAt.toEpochMilli()), text(this.speed),
				text(this.heading), this.inside ? "1" : "0");
	}

	/** Reads the compact form; null for anything unreadable (a newer version, say). */
	static LivePatroller decode(long checkInId, String text) {
		if (text == null) {
			return null;
		}
		String[] f = text.split("\\|", -1);
		if (f.length != 13 || !VERSION.equals(f[0])) {
			return null;
		}
		List<Long> grids = f[4].isEmpty() ? List.of() : Arrays.stream(f[4].split(",")).map(Long::valueOf).toList();
		return new LivePatroller(checkInId, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), grids,
				f[5].isEmpty() ? null : Long.valueOf(f[5]),
				new GeoPoint(Double.parseDouble(f[6]), Double.parseDouble(f[7])), Double.parseDouble(f[8]),
				Instant.ofEpochMilli(Long.parseLong(f[9])), f[10].isEmpty() ? null : Double.valueOf(f[10]),
				f[11].isEmpty() ? null : Double.valueOf(f[11]), "1".equals(f[12]), false, null);
	}

	LivePatroller seenAt(Instant now, Duration staleAfter) {
		boolean isStale = this.recordedAt.isBefore(now.minus(staleAfter));
		return new LivePatroller(this.checkInId, this.accountId, this.teamId, this.communityId, this.patrolGridIds,
				this.gridId, this.position, this.accuracy, this.recordedAt, this.speed, this.heading, this.inside,
				isStale, this.distanceMetres);
	}

	LivePatroller atDistance(double metres) {
		return new LivePatroller(this.checkInId, this.accountId, this.teamId, this.communityId, this.patrolGridIds,
				this.gridId, this.position, this.accuracy, this.recordedAt, this.speed, this.heading, this.inside,
				this.stale, metres);
	}

	/** True when the patroller is in the grid now, or patrols a shift of it. */
	boolean concerns(long grid) {
		return (this.gridId != null && this.gridId == grid) || this.patrolGridIds.contains(grid);
	}

	private static String joined(List<Long> ids) {
		List<String> parts = new ArrayList<>(ids.size());
		ids.forEach(id -> parts.add(Long.toString(id)));
		return String.join(",", parts);
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
