package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

import org.qibao.geo.Geofence;
import org.qibao.geo.Grid;
import org.qibao.shared.GeoPoint;

import static org.qibao.patrol.Rules.require;

/** The on-the-spot rules of checking in and out: a sound fix, the time window, the patrol area. */
final class CheckInRules {

	private final PatrolProperties properties;

	private final Geofence geofence;

	CheckInRules(PatrolProperties properties, Geofence geofence) {
		this.properties = properties;
		this.geofence = geofence;
	}

	void requireSoundFix(GeoPoint position, Double accuracy) {
		require(position != null && position.isValid(), "INVALID_COORDINATES", "position");
		require(accuracy != null && Double.isFinite(accuracy) && accuracy > 0, "INVALID_ACCURACY", "accuracy");
		require(accuracy <= this.properties.maxAccuracyMetres(), "ACCURACY_TOO_POOR", "accuracy", Math.round(accuracy),
				this.properties.maxAccuracyMetres());
	}

	/**
	 * A shift created after it had started (beyond a small allowance) is backdated: its past cannot
	 * have been patrolled, and it would only be a pretext for crediting minutes, so it cannot be
	 * checked into. One-off shifts are refused at creation and schedules skip such occurrences.
	 */
	boolean backdated(Instant startsAt, Instant createdAt) {
		return createdAt.isAfter(startsAt.plus(this.properties.backdatingAllowance()));
	}

	/** Check-in opens a lead time before the start and closes at the end; never for a backdated shift. */
	void requireWindowOpen(Shift shift, Instant now) {
		require(!backdated(shift.startsAt(), shift.createdAt()), "SHIFT_CREATED_AFTER_START", "shiftId",
				this.properties.backdatingAllowance().toMinutes());
		Instant opens = shift.startsAt().minus(this.properties.checkInLead());
		require(!now.isBefore(opens), "CHECK_IN_NOT_OPEN", null, minutesBetween(now, opens));
		require(now.isBefore(shift.endsAt()), "CHECK_IN_CLOSED", null, minutesBetween(shift.endsAt(), now));
	}

	/** The position must lie in one of the grids, or within the geofence's tolerance for the reported accuracy. */
	void requireInArea(Collection<Grid> grids, GeoPoint position, double accuracy,
			ToDoubleFunction<Grid> metresOutside) {
		Grid nearest = grids.stream().min(Comparator.comparingDouble(metresOutside)).orElseThrow();
		double outside = metresOutside.applyAsDouble(nearest);
		long tolerance = tolerance(accuracy);
		require(outside <= tolerance, "OUTSIDE_AREA", "position", Math.round(outside), nearest.name(), tolerance);
	}

	/**
	 * A checkpoint is scanned on the spot: the phone within the same tolerance of the plaque as a
	 * check-in of its grid, so a photo of the plaque scanned from home does not count.
	 */
	void requireNear(Checkpoint checkpoint, GeoPoint position, double accuracy) {
		double distance = Geofence.metresBetween(checkpoint.position(), position);
		long tolerance = tolerance(accuracy);
		require(distance <= tolerance, "TOO_FAR_FROM_CHECKPOINT", "position", Math.round(distance), checkpoint.name(),
				tolerance);
	}

	long tolerance(double accuracy) {
		return Math.round(this.geofence.toleranceMetres(accuracy));
	}

	/** Whole minutes from one instant to a later one, rounded up, so "opens in 1 minute" never reads 0. */
	private static long minutesBetween(Instant earlier, Instant later) {
		long seconds = Duration.between(earlier, later).toSeconds();
		return Math.max(1, (seconds + 59) / 60);
	}

}
