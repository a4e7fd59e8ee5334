package org.qibao.patrol;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@QibaoTest
@Import(PatrolTestConfiguration.class)
class DemoPatrolTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSevenTreasuresPatrolEveryMorningAndAfternoonInShanghaiTime() {
		List<String> times = this.jdbc.sql("""
				SELECT DISTINCT to_char(s.start_time, 'HH24:MI') || '-' || to_char(s.end_time, 'HH24:MI') || ' ' || s.min_patrollers || '-' || s.max_patrollers
				FROM shift_schedule s JOIN team t ON t.id = s.team_id WHERE t.name = '七宝巡逻队' AND s.active""")
			.query(String.class)
			.list();
		assertThat(times).containsExactlyInAnyOrder("09:00-11:00 3-7", "15:00-17:00 3-7");
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE)
			.document("{ myTeams { name upcomingShifts { startsAt grids { code } } } myShifts { status } }")
			.execute()
			.path("myTeams[0].name").entity(String.class).isEqualTo("七宝巡逻队")
			.path("myTeams[0].upcomingShifts[0].grids[0].code").entity(String.class).isEqualTo("DT-01")
			.path("myTeams[0].upcomingShifts").entityList(Object.class).hasSizeGreaterThan(20);
	}

}
