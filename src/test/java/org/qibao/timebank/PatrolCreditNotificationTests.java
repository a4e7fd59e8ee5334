package org.qibao.timebank;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.qibao.patrol.AttendanceVerified;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credited patrol minutes are told to the volunteer in the credit's transaction, keyed by the
 * attendance: the event publication registry may deliver the same verified attendance again,
 * even twice at once, and the volunteer still hears of it once.
 */
@QibaoTest
class PatrolCreditNotificationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	PatrolEarnings earnings;

	@Autowired
	Courses courses;

	@Test
	void aRedeliveredVerifiedPatrolIsToldOnceWithItsMinutesAndTeam() throws Exception {
		TimeBankFixtures fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
		TimeBankFixtures.Volunteer volunteer = fixtures.volunteer(0);
		long teamId = this.jdbc.sql("SELECT id FROM team WHERE community_id = ? ORDER BY id LIMIT 1")
			.param(fixtures.dongting()).query(Long.class).single();
		AttendanceVerified plain = fixtures.attendance(volunteer.accountId(), 50, Instant.now());
		AttendanceVerified verified = new AttendanceVerified(plain.attendanceId(), plain.accountId(), plain.communityId(), 50,
				plain.verifiedAt(), null, new AttendanceVerified.Patrol(teamId, List.of(),
						Instant.parse("2026-11-28T01:00:00Z"), Instant.now(), Instant.now(), 0, null));
		List<Integer> credited = Bursts.race(3, i -> () -> this.earnings.credit(verified));
		assertThat(credited).containsExactlyInAnyOrder(50, 0, 0);
		this.earnings.credit(verified);
		Clients.signedIn(this.port, volunteer.phone()).mutate().header("Accept-Language", "zh-CN").build()
			.document("{ myNotifications { totalCount unreadCount nodes { kind message team { id } shift { id } } } }")
			.execute()
			.path("myNotifications.totalCount").entity(Integer.class).isEqualTo(1)
			.path("myNotifications.unreadCount").entity(Integer.class).isEqualTo(1)
			.path("myNotifications.nodes[0].kind").entity(String.class).isEqualTo("PATROL_MINUTES_CREDITED")
			.path("myNotifications.nodes[0].team.id").entity(String.class).isEqualTo(org.qibao.shared.GlobalId.encode("Team", teamId))
			.path("myNotifications.nodes[0].shift").valueIsNull()
			.path("myNotifications.nodes[0].message").entity(String.class)
			.satisfies(m -> assertThat(m).contains("2026-11-28 09:00 的巡逻已记入存折 50 分钟"));
	}

}
