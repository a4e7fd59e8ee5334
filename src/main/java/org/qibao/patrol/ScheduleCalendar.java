package org.qibao.patrol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The concrete times of a recurring schedule. Times of day are read in the community's zone on
 * each date, so a 09:00 shift stays at 09:00 on the wall clock across daylight-saving changes
 * (and its UTC instant moves).
 */
final class ScheduleCalendar {

	record Occurrence(Instant start, Instant end) {
	}

	private ScheduleCalendar() {
	}

	/** The occurrences on the {@code days} dates from today (in the zone) that have not ended by {@code now}. */
	static List<Occurrence> ahead(Collection<Integer> weekdays, LocalTime start, LocalTime end, ZoneId zone,
			Instant now, int days) {
		List<Occurrence> occurrences = new ArrayList<>();
		LocalDate today = now.atZone(zone).toLocalDate();
		for (int d = 0; d < days; d++) {
			LocalDate date = today.plusDays(d);
			if (weekdays.contains(date.getDayOfWeek().getValue())) {
				Occurrence occurrence = new Occurrence(ZonedDateTime.of(date, start, zone).toInstant(),
						ZonedDateTime.of(date, end, zone).toInstant());
				if (occurrence.end().isAfter(now) && occurrence.end().isAfter(occurrence.start())) {
					occurrences.add(occurrence);
				}
			}
		}
		return occurrences;
	}

}
