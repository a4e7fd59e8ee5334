package org.qibao.casework;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qibao.AnotherInstance;
import org.qibao.Bursts;
import org.qibao.QibaoTest;
import org.qibao.casework.CaseFixtures.Person;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.casework.CaseFixtures.caseOf;
import static org.qibao.casework.CaseFixtures.report;
import static org.qibao.casework.CaseFixtures.reportInput;

/** A case past its deadline is escalated to the community administrator once, however many instances run the job. */
@QibaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseEscalationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CaseEscalation escalation;

	@Autowired
	Environment environment;

	private CaseFixtures fixtures;

	/** A second instance on the same PostgreSQL and Redis, as behind a load balancer. */
	private AnotherInstance otherInstance;

	@BeforeAll
	void startAnotherInstance() {
		this.otherInstance = AnotherInstance.start(this.environment);
	}

	@AfterAll
	void stopIt() {
		if (this.otherInstance != null) {
			this.otherInstance.close();
		}
	}

	@BeforeEach
	void fixtures() {
		this.fixtures = new CaseFixtures(this.context, this.port);
	}

	@Test
	void twoInstancesEscalatingAtOnceEscalateAnOverdueCaseOnceAndTheBoardShowsIt() throws Exception {
		Person reporter = this.fixtures.volunteer("肖建国");
		Person administrator = this.fixtures.administrator("周书记");
		Map<String, Object> input = reportInput(this.fixtures.category(reporter.client(), "traffic-hazard"), "路口积水严重",
				CaseFixtures.IN_DT01);
		input.put("reportedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
		Map<String, Object> overdue = caseOf(report(reporter, input));
		Map<String, Object> onTime = this.fixtures.reported(reporter, "刚刚上报");
		long key = GlobalId.keyOf(overdue.get("id").toString(), "Case");

		CaseEscalation other = this.otherInstance.bean(CaseEscalation.class);
		Bursts.race(2, i -> () -> (i == 0 ? this.escalation : other).escalateOverdue(Instant.now()));

		assertThat(this.fixtures.count("SELECT count(*) FROM case_event WHERE case_id = ? AND kind = 'ESCALATED'", key))
			.isEqualTo(1);
		assertThat(this.fixtures.count("""
				SELECT count(*) FROM (SELECT case_id FROM case_event WHERE kind = 'ESCALATED'
				GROUP BY case_id HAVING count(*) > 1) twice""")).as("no case escalated twice").isZero();
		List<Map<String, Object>> board = administrator.client().document("""
				query($c: ID!) { caseBoard(communityId: $c, overdueOnly: true, first: 100) {
				  nodes { id overdue escalatedAt lastEvent { kind actor { displayName } } } } }""")
			.variable("c", this.fixtures.dongting())
			.execute()
			.path("caseBoard.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map(c -> (Map<String, Object>) c)
			.toList();
		Map<String, Object> shown = board.stream().filter(c -> c.get("id").equals(overdue.get("id"))).findFirst().orElseThrow();
		assertThat(shown).containsEntry("overdue", true);
		assertThat(shown.get("escalatedAt")).isNotNull();
		assertThat(((Map<?, ?>) shown.get("lastEvent")).get("kind")).isEqualTo("ESCALATED");
		assertThat(((Map<?, ?>) shown.get("lastEvent")).get("actor")).as("the system escalated it").isNull();
		assertThat(board).extracting(c -> c.get("id")).doesNotContain(onTime.get("id"));
		this.escalation.escalateOverdue(Instant.now().plus(1, ChronoUnit.DAYS));
		assertThat(this.fixtures.count("SELECT count(*) FROM case_event WHERE case_id = ? AND kind = 'ESCALATED'", key))
			.as("a later run does not escalate it again").isEqualTo(1);
	}

}
