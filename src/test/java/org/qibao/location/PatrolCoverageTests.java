package org.qibao.location;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.identity.Accounts;
import org.qibao.location.Patrol.Volunteer;
import org.qibao.location.PatrolCoverage.Coverage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@LocationTest
class PatrolCoverageTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestCheckIns checkIns;

	@Autowired
	PatrolCoverage coverage;

	@Autowired
	TrackRetention retention;

	@Autowired
	StringRedisTemplate redis;

	Patrol patrol;

	@BeforeEach
	void demoCommunity() {
		this.patrol = new Patrol(this.port, this.jdbc, this.accounts, this.checkIns);
	}

	@Test
	void closingPersistsTheCoveredMinutesAndTakesTheVolunteerOffTheMapAtOnce() {
		Volunteer volunteer = this.patrol.checkedIn("黄慧兰的队员");
		Instant start = volunteer.checkIn.windowStart();
		volunteer.batch(List.of(Patrol.position(Patrol.IN_DT01, 10, start.plusSeconds(30)),
				Patrol.position(Patrol.east(Patrol.IN_DT01, 50), 10, start.plusSeconds(90)),
				Patrol.position(Patrol.east(Patrol.IN_DT01, 60), 10, start.plusSeconds(100)),
				Patrol.position(new double[] { 114.3400, 30.5675 }, 10, start.plusSeconds(600)),
				Patrol.position(Patrol.IN_DT02, 10, start.plusSeconds(960)),
				Patrol.position(Patrol.IN_DT02, 500, start.plusSeconds(1000))))
			.path("positionReportBatch.accepted").entity(Integer.class).isEqualTo(5);
		this.checkIns.checkOut(volunteer.checkIn);
		Coverage covered = this.coverage.close(volunteer.checkIn.checkInId());
		assertThat(covered.coveredMinutes()).containsExactly(0, 1, 16);
		assertThat(covered.acceptedPositions()).isEqualTo(5);
		assertThat(covered.outsidePositions()).isEqualTo(1);
		assertThat(covered.implausiblePositions()).isEqualTo(1);
		assertThat(covered.complete()).isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM patrol_track WHERE check_in_id = ?")
			.param(volunteer.checkIn.checkInId()).query(Long.class).single()).isEqualTo(5);
		assertThat(this.redis.opsForGeo().position(new LiveKeys(this.patrol.communityId).geo(),
				Long.toString(volunteer.checkIn.checkInId()))).containsOnlyNulls();
		// kept for positions the phone took before the check-out and sends late, expiring by itself
		assertThat(this.redis.getExpire(new LiveKeys(this.patrol.communityId).coverage(volunteer.checkIn.checkInId())))
			.isPositive();
	}

	@Test
	void closingAgainReturnsTheSameCoverage() {
		Volunteer volunteer = this.patrol.checkedIn("关两次");
		volunteer.report(Patrol.IN_DT01, Instant.now());
		this.checkIns.checkOut(volunteer.checkIn);
		Coverage first = this.coverage.close(volunteer.checkIn.checkInId());
		assertThat(this.coverage.close(volunteer.checkIn.checkInId())).isEqualTo(first);
		assertThat(first.minutes()).isEqualTo(1);
	}

	@Test
	void afterCheckOutNoPositionIsAcceptedEvenWhileTheCheckInIsRemembered() {
		Volunteer volunteer = this.patrol.checkedIn("已签退");
		volunteer.report(Patrol.IN_DT01, Instant.now().minusSeconds(30));
		// the location module still believes the check-in open for a few seconds; the closed mark wins
		this.coverage.close(volunteer.checkIn.checkInId());
		volunteer.report(Patrol.IN_DT01, Instant.now())
			.path("positionReport.accepted").entity(Integer.class).isEqualTo(0)
			.path("positionReport.userErrors[0].code").entity(String.class).isEqualTo("NO_OPEN_CHECK_IN");
		assertThat(Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE)
			.document("query($c: ID!) { livePatrollersInCommunity(communityId: $c) { checkInId } }")
			.variable("c", this.patrol.community())
			.execute()
			.path("livePatrollersInCommunity").entityList(Map.class).get())
			.noneMatch(p -> volunteer.checkInId().equals(p.get("checkInId")));
	}

	@Test
	void aCheckInDuringWhichRedisFailedIsIncompleteForCaptainReview() {
		Volunteer volunteer = this.patrol.checkedIn("断线");
		volunteer.report(Patrol.IN_DT01, Instant.now());
		this.jdbc.sql("INSERT INTO live_location_outage (check_in_id, first_at) VALUES (?, now())")
			.param(volunteer.checkIn.checkInId()).update();
		this.checkIns.checkOut(volunteer.checkIn);
		Coverage covered = this.coverage.close(volunteer.checkIn.checkInId());
		assertThat(covered.complete()).isFalse();
		assertThat(covered.minutes()).isEqualTo(1);
	}

	@Test
	void retentionDeletesTracksOlderThanThirtyDaysAndKeepsNewerOnes() {
		long checkIn = 8_000_000_000L + System.nanoTime() % 1_000_000_000L;
		insertTrackPoint(checkIn, Instant.now().minus(Duration.ofDays(31)));
		insertTrackPoint(checkIn, Instant.now().minus(Duration.ofDays(29)));
		assertThat(this.retention.deleteExpiredTracks(false)).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM patrol_track WHERE check_in_id = ?").param(checkIn)
			.query(Long.class).single()).isEqualTo(1);
	}

	private void insertTrackPoint(long checkIn, Instant at) {
		this.jdbc.sql("""
				INSERT INTO patrol_track (check_in_id, account_id, community_id, recorded_at, longitude, latitude, accuracy, inside)
				VALUES (?, 1, ?, ?, 114.353, 30.5675, 10, true)""")
			.params(checkIn, this.patrol.communityId, Timestamp.from(at))
			.update();
	}

}
