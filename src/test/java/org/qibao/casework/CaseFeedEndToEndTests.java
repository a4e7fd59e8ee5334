package org.qibao.casework;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.casework.CaseFixtures.Person;
import org.qibao.casework.feed.CaseFeedRelay;
import org.qibao.casework.feed.ExampleConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a phone to the city's grid case system, with nothing in between replaced: a report and its
 * acceptance through GraphQL reach a consumer group of the city's stream, in order, with the event
 * IDs the case's timeline gives them.
 */
@CaseworkPartsTest
class CaseFeedEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CaseFeedRelay relay;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPhonesReportAndItsAcceptanceReachTheCitysConsumerGroupInOrder() {
		CaseFixtures fixtures = new CaseFixtures(this.context, this.port);
		Person volunteer = fixtures.volunteer("端到端志愿者");
		Person gridWorker = fixtures.gridWorker("端到端网格员", "DT-01");
		Map<String, Object> reported = fixtures.reported(volunteer, "小区门口井盖缺失");
		CaseFixtures.caseOf(CaseFixtures.plainStep(gridWorker, "caseAccept", reported, "立案"));
		long caseId = org.qibao.shared.GlobalId.keyOf(reported.get("id").toString(), "Case");
		long city = this.jdbc.sql("SELECT DISTINCT city_id FROM case_feed_outbox WHERE case_id = ?").param(caseId)
			.query(Long.class).single();
		ExampleConsumer consumer = new ExampleConsumer(this.redis, city, "end-to-end-" + caseId, "c1");

		this.relay.relayPending();
		consumer.poll();

		List<Map<Object, Object>> ofTheCase = consumer.events.stream()
			.filter(e -> Long.toString(caseId).equals(e.get("case_id")))
			.toList();
		assertThat(ofTheCase).extracting(e -> e.get("type")).containsExactly("case.reported", "case.accepted");
		List<String> timeline = this.jdbc.sql("SELECT id FROM case_event WHERE case_id = ? ORDER BY id").param(caseId)
			.query(Long.class).list().stream().map(id -> CaseOutbox.eventId(id).toString()).toList();
		assertThat(ofTheCase).extracting(e -> e.get("event_id")).containsExactlyElementsOf(timeline);
		assertThat(ofTheCase.get(0).get("payload").toString()).contains("小区门口井盖缺失");
	}

}
