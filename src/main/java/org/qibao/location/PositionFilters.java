package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.qibao.geo.Geofence;
import org.qibao.shared.GeoPoint;

/** The position pipeline's filters, in the order a report meets them. */
final class PositionFilters {

	private final List<PositionFilter> pipeline;

	PositionFilters(LocationProperties properties) {
		this.pipeline = List.of(new ValidCoordinates(), new PlausibleAccuracy(properties.maxAccuracyMetres()),
				new TimestampInRange(properties.maxFuture(), properties.maxAge()), new WithinCheckIn(),
				new NotDuplicate(), new PlausibleSpeed(properties.maxSpeedMetresPerSecond()),
				new NotTooFrequent(properties.minInterval()));
	}

	/** The reason the first filter that objects gives, or null when all let the report through. */
	DropReason dropReason(PositionReport report, PositionFilter.Context context) {
		for (PositionFilter filter : this.pipeline) {
			DropReason reason = filter.dropReason(report, context);
			if (reason != null) {
				return reason;
			}
		}
		return null;
	}

	/** Finite, in range, and not the null island (0, 0) that broken GPS chips report. */
	record ValidCoordinates() implements PositionFilter {
		@Override
		public DropReason dropReason(PositionReport report, PositionFilter.Context context) {
			GeoPoint p = report.position();
			boolean nullIsland = Math.abs(p.longitude()) < 1e-6 && Math.abs(p.latitude()) < 1e-6;
			return (!p.isValid() || nullIsland) ? DropReason.INVALID_COORDINATES : null;
		}
	}

	/** An accuracy radius the phone actually gave, and good enough to place a patroller. */
	record PlausibleAccuracy(double maxMetres) implements PositionFilter {
		@Override
		public DropReason dropReason(PositionReport report, PositionFilter.Context context) {
			double accuracy = report.accuracy();
			return (Double.isFinite(accuracy) && accuracy > 0 && accuracy <= this.maxMetres) ? null
					: DropReason.BAD_ACCURACY;
		}
	}

	/** Not from the future (beyond clock skew), and not older than a phone may queue. */
	record TimestampInRange(Duration maxFuture, Duration maxAge) implements PositionFilter {
		@Override
		public DropReason dropReason(PositionReport report, PositionFilter.Context context) {
			Instant at = report.recordedAt();
			if (at.isAfter(context.now().plus(this.maxFuture))) {
				return DropReason.FUTURE_TIMESTAMP;
			}
			return at.isBefore(context.now().minus(this.maxAge)) ? DropReason.TOO_OLD : null;
		}
	}

	/** Taken while the check-in was open: nothing from before or after is kept. */
	record WithinCheckIn() implements PositionFilter {
		@Override
		public DropReason dropReason(PositionReport report, PositionFilter.Context context) {
			Instant at = report.recordedAt();
			Instant end = context.checkIn().checkedOutAt();
			boolean outside = at.isBefore(context.checkIn().checkedInAt().minusSeconds(60))
					|| (end != null && at.isAfter(end));
			return outside ? DropReason.OUTSIDE_CHECK_IN : null;
		}
	}

	/** Newer than the last stored position (a resent report, or one overtaken by a newer one). */
	record NotDuplicate() implements PositionFilter {
		@Override
		public DropReason dropReason(PositionReport report, PositionFilter.Context context) {
			LivePatroller last = context.last();
			// compared to the millisecond, the precision positions are stored at
			return (last != null && report.recordedAt().toEpochMilli() <= last.recordedAt().toEpochMilli())
					? DropReason.DUPLICATE : null;
		}
	}

	/**
	 * No faster than a foot or bicycle patrol: neither by the phone's own speed nor by the jump
	 * from the last position, allowing for both positions' uncertainty.
	 */
	record PlausibleSpeed(double maxMetresPerSecond) implements PositionFilter {
		@Override
		public DropReason dropReason(PositionReport report, PositionFilter.Context context) {
			if (report.speed() != null && report.speed() > this.maxMetresPerSecond) {
				return DropReason.IMPLAUSIBLE_SPEED;
			}
			LivePatroller last = context.last();
			if (last == null) {
				return null;
			}
			double seconds = Math.max(1, Duration.between(last.recordedAt(), report.recordedAt()).toMillis() / 1000.0);
			double metres = Math.max(0, Geofence.metresBetween(last.position(), report.position())
					- Math.max(last.accuracy(), report.accuracy()));
			return (metres / seconds > this.maxMetresPerSecond) ? DropReason.IMPLAUSIBLE_SPEED : null;
		}
	}

	/** A report soon after the last stored one adds nothing: it is coalesced into it. */
	record NotTooFrequent(Duration minInterval) implements PositionFilter {
		@Override
		public DropReason dropReason(PositionReport report, PositionFilter.Context context) {
			LivePatroller last = context.last();
			return (last != null && report.recordedAt().isBefore(last.recordedAt().plus(this.minInterval)))
					? DropReason.TOO_FREQUENT : null;
		}
	}

}
