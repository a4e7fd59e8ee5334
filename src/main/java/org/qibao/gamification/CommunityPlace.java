package org.qibao.gamification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;

/** A community with the street and city its boards roll up to, and the time zone its weeks and months are in. */
record CommunityPlace(long communityId, long streetId, long cityId, ZoneId zone) {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

	/** The ISO week of an instant in this community, e.g. {@code 2026-W49}. */
	String week(Instant at) {
		return weekOf(at.atZone(this.zone).toLocalDate());
	}

	/** The calendar month of an instant in this community, e.g. {@code 2026-12}. */
	String month(Instant at) {
		return MONTH.format(at.atZone(this.zone));
	}

	static String weekOf(LocalDate day) {
		return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

}
