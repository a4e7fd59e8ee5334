package org.qibao.statistics;

import java.util.List;

import org.qibao.patrol.Team;

/** A team's verified patrol minutes in the month and in each of its weeks. */
record TeamPatrolStatistics(Team team, long verifiedPatrolMinutes, List<Long> weeklyVerifiedPatrolMinutes) {
}
