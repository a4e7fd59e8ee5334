package org.qibao.casework;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.casework.CaseFixtures.Person;
import org.qibao.geo.Geography;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.qibao.casework.CaseFixtures.caseOf;
import static org.qibao.casework.CaseFixtures.plainStep;

/** The month's case figures of a community and of a grid, from the cases themselves. */
@QibaoTest
class CaseKpiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseKpiQueries kpis;

	@Autowired
	Geography geography;

	@Test
	void closureOnTimeClosureReworkAndSatisfactionAreCountedOverTheMonthsAcceptedCases() {
		CaseFixtures fixtures = new CaseFixtures(this.context, this.port);
		YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
		Map<String, Object> before = kpis(fixtures, month);
		Person reporter = fixtures.volunteer("甲");
		Person gridWorker = fixtures.gridWorker("网格员", "DT-01");
		Map<String, Object> closed = closedWithRework(fixtures, reporter, gridWorker, 4);
		Map<String, Object> accepted = caseOf(plainStep(gridWorker, "caseAccept", fixtures.reported(reporter, "受理中"), null));

		Map<String, Object> after = kpis(fixtures, month);

		assertThat((int) after.get("reported") - (int) before.get("reported")).isEqualTo(2);
		assertThat(closed).containsEntry("stage", "CLOSED");
		assertThat(accepted).containsEntry("stage", "ACCEPTED");
		CaseKpis direct = this.kpis.of(fixtures.dongtingKey(), null, month, ZoneId.of("Asia/Shanghai"));
		assertThat(direct.reported()).isEqualTo(after.get("reported"));
		long acceptedCount = this.jdbc.sql("""
				SELECT count(*) FROM grid_case WHERE community_id = ? AND accepted_at IS NOT NULL
				AND reported_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'""")
			.param(fixtures.dongtingKey()).query(Long.class).single();
		long closedCount = this.jdbc.sql("""
				SELECT count(*) FROM grid_case WHERE community_id = ? AND stage = 'CLOSED'
				AND reported_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'""")
			.param(fixtures.dongtingKey()).query(Long.class).single();
		assertThat((double) after.get("closureRate")).isCloseTo((double) closedCount / acceptedCount, within(1e-9));
		assertThat((double) after.get("reworkRate")).isGreaterThan(0);
		assertThat((double) after.get("onTimeClosureRate")).isBetween(0.0, 1.0);
		assertThat((double) after.get("meanSatisfaction")).isBetween(1.0, 5.0);
		assertThat(after.get("medianMinutesToAccept")).isNotNull();
	}

	private Map<String, Object> closedWithRework(CaseFixtures fixtures, Person reporter, Person gridWorker, int satisfaction) {
		Map<String, Object> c = caseOf(plainStep(gridWorker, "caseAccept", fixtures.reported(reporter, "返工的案件"), null));
		Map<String, Object> dispatch = new HashMap<>(Map.of("caseId", c.get("id"), "expectedVersion", c.get("version"),
				"handlerId", gridWorker.id()));
		c = caseOf(CaseFixtures.step(gridWorker, "caseDispatch", "CaseDispatchInput", dispatch));
		c = caseOf(plainStep(gridWorker, "caseStart", c, null));
		c = caseOf(CaseFixtures.step(gridWorker, "caseResolve", "CaseResolveInput",
				Map.of("caseId", c.get("id"), "expectedVersion", c.get("version"), "feedback", "好了")));
		c = caseOf(plainStep(gridWorker, "caseReopen", c, "没好"));
		c = caseOf(plainStep(gridWorker, "caseStart", c, null));
		c = caseOf(CaseFixtures.step(gridWorker, "caseResolve", "CaseResolveInput",
				Map.of("caseId", c.get("id"), "expectedVersion", c.get("version"), "feedback", "好了")));
		c = caseOf(plainStep(gridWorker, "caseVerify", c, null));
		return caseOf(CaseFixtures.step(reporter, "caseClose", "CaseCloseInput",
				Map.of("caseId", c.get("id"), "expectedVersion", c.get("version"), "satisfaction", satisfaction)));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> kpis(CaseFixtures fixtures, YearMonth month) {
		return Clients.administrator(fixtures).document("""
				query($c: ID!, $m: Month!) { caseKpis(communityId: $c, month: $m) { month reported closureRate
				  onTimeClosureRate reworkRate extensionRate medianMinutesToAccept medianMinutesToClose meanSatisfaction } }""")
			.variable("c", fixtures.dongting())
			.variable("m", month.toString())
			.execute()
			.path("caseKpis")
			.entity(Map.class)
			.get();
	}

	/** The community's administrator, signed in once per test class. */
	private static final class Clients {

		private static Person administrator;

		static org.springframework.graphql.test.tester.HttpGraphQlTester administrator(CaseFixtures fixtures) {
			if (administrator == null) {
				administrator = fixtures.administrator("周书记");
			}
			return administrator.client();
		}

	}

}
