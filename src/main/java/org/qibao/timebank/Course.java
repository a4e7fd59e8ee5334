package org.qibao.timebank;

import java.time.Instant;

import org.qibao.shared.Identified;

/** A community-school course, priced in minutes, with a number of seats. */
public record Course(long id, long schoolId, long communityId, String title, Instant startsAt, int seats, int seatsLeft,
		int priceMinutes) implements Identified {
}
