package org.qibao.casework;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qibao.Clients;
import org.qibao.InstanceWithoutRedis;
import org.qibao.QibaoTest;
import org.qibao.casework.CaseFixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.casework.CaseFixtures.caseOf;
import static org.qibao.casework.CaseFixtures.plainStep;

/** Redis is never the only copy of a case: an instance that cannot reach it still takes reports and steps. */
@QibaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseworkWithoutRedisTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	private InstanceWithoutRedis withoutRedis;

	@BeforeAll
	void start() {
		this.withoutRedis = InstanceWithoutRedis.start(this.environment);
	}

	@AfterAll
	void stop() {
		if (this.withoutRedis != null) {
			this.withoutRedis.close();
		}
	}

	@Test
	void aReportAndItsAcceptanceGoThroughWhileRedisIsAway() {
		CaseFixtures fixtures = new CaseFixtures(this.context, this.port);
		Person reporter = fixtures.volunteer("断网也能报");
		Person gridWorker = fixtures.gridWorker("网格员", "DT-01");
		Person reporterThere = new Person(reporter.account(), reporter.phone(),
				Clients.signedIn(this.withoutRedis.port(), reporter.phone()));
		Person gridWorkerThere = new Person(gridWorker.account(), gridWorker.phone(),
				Clients.signedIn(this.withoutRedis.port(), gridWorker.phone()));

		Map<String, Object> reported = caseOf(CaseFixtures.report(reporterThere, CaseFixtures.reportInput(
				fixtures.category(reporterThere.client(), "other"), "Redis 不在也能上报", CaseFixtures.IN_DT01)));
		Map<String, Object> accepted = caseOf(plainStep(gridWorkerThere, "caseAccept", reported, null));

		assertThat(accepted).containsEntry("stage", "ACCEPTED");
		assertThat(fixtures.count("SELECT count(*) FROM case_feed_outbox WHERE case_id = ?",
				org.qibao.shared.GlobalId.keyOf(accepted.get("id").toString(), "Case"))).as("the feed waits in the outbox")
			.isEqualTo(2);
	}

}
