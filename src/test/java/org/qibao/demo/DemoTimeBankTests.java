package org.qibao.demo;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's volunteers open a passbook with patrol history, and the school has courses to take. */
@QibaoTest
class DemoTimeBankTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDemoVolunteersPassbookHoldsPastPatrolsAndTheSchoolOffersCourses() {
		// the demo time bank loads only into an empty ledger: a test database that had minutes
		// moving before it existed never gets it (CI's fresh database always does)
		Assumptions.assumeTrue(this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM patrol_earning WHERE attendance_id < 0)")
			.query(Boolean.class).single(), "the demo time bank was loaded into this database");
		var response = Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).document("""
				{ passbook { balance entries(first: 5) { totalCount nodes { kind counterparty } }
				             community { school { courses { title priceMinutes } } } } }""")
			.execute();
		response.path("passbook.entries.nodes[*].kind").entityList(String.class).contains("PATROL_EARNING");
		response.path("passbook.entries.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(3));
		response.path("passbook.balance").entity(Integer.class).satisfies(b -> assertThat(b).isPositive());
		response.path("passbook.community.school.courses[*].title").entityList(String.class).contains("智能手机入门", "太极拳", "书法");
		// the same past patrols earned points, the first-patrol badge and a place on the boards
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE)
			.document("{ gamification { points badges { badge { key } } ranks { scope period rank } } }")
			.execute()
			.path("gamification.points").entity(Integer.class).satisfies(p -> assertThat(p).isPositive())
			.path("gamification.badges[*].badge.key").entityList(String.class).contains("first-patrol")
			.path("gamification.ranks").entityList(Object.class).satisfies(ranks -> assertThat(ranks).isNotEmpty());
	}

}
