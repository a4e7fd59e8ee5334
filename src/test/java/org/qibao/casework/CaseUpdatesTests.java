package org.qibao.casework;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qibao.AnotherInstance;
import org.qibao.Clients;
import org.qibao.Heartbeats;
import org.qibao.QibaoTest;
import org.qibao.casework.CaseFixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer reports to one instance; the grid worker's board is subscribed on another. The two
 * share PostgreSQL and Redis, as two instances behind a load balancer do.
 */
@QibaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseUpdatesTests {

	private static final String UPDATES = """
			subscription($community: ID!, $grid: ID) { caseUpdates(communityId: $community, gridId: $grid) {
			  id stage description grid { code } reporter { displayName } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	private AnotherInstance otherInstance;

	private CaseFixtures fixtures;

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
	void aGridWorkerSubscribedOnAnotherInstanceSeesANewReportOfTheirGridAndAnotherGridsWorkerDoesNot() throws Exception {
		Person gridWorker = this.fixtures.gridWorker("订阅网格员", "DT-01");
		Person otherGrid = this.fixtures.gridWorker("别的网格员", "DT-02");
		Person reporter = this.fixtures.volunteer("上报人");
		BlockingQueue<Map<String, Object>> mine = new LinkedBlockingQueue<>();
		BlockingQueue<Map<String, Object>> theirs = new LinkedBlockingQueue<>();
		Disposable one = subscribe(gridWorker, mine);
		Disposable two = subscribe(otherGrid, theirs);
		try {
			Map<String, Object> received = reportUntilReceived(reporter, mine);

			assertThat(received.get("grid")).isEqualTo(Map.of("code", "DT-01"));
			assertThat(received.get("reporter")).isEqualTo(Map.of("displayName", "上报人"));
			assertThat(received.get("stage")).isEqualTo("REPORTED");
			// DT-02's worker may hear of DT-02's own cases (other tests', escalated meanwhile), never of DT-01's
			Thread.sleep(1000);
			assertThat(new java.util.ArrayList<>(theirs)).as("a DT-01 case is not DT-02's")
				.noneMatch(update -> Map.of("code", "DT-01").equals(update.get("grid")));
		}
		finally {
			one.dispose();
			two.dispose();
		}
	}

	@Test
	void aVolunteerCannotSubscribeToTheBoard() {
		Person volunteer = this.fixtures.volunteer("志愿者");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> client(volunteer).document(UPDATES)
			.variable("community", this.fixtures.dongting())
			.variable("grid", null)
			.executeSubscription()
			.blockFirst(java.time.Duration.ofSeconds(10)))
			.isInstanceOfSatisfying(org.springframework.graphql.client.SubscriptionErrorException.class,
					error -> assertThat(error.getErrors().get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
	}

	@Test
	void anInstanceWhoseSubscriptionWentDeafListensAfreshAtItsNextHeartbeats() throws Exception {
		CaseUpdates updates = this.context.getBean(CaseUpdates.class);
		BlockingQueue<CaseUpdates.CaseChanged> heard = new LinkedBlockingQueue<>();
		long community = 987_654_321L;
		Disposable listening = updates.of(community).subscribe(heard::add);
		try {
			// in the whole suite this instance may already have gone deaf: two heartbeats bring it back first
			Heartbeats.enough(updates.listener());
			announceUntilHeard(updates, community, heard);
			updates.listener().deafen();
			updates.announceAfterCommit(community, 1);
			assertThat(heard.poll(1, TimeUnit.SECONDS)).as("a deaf subscription hears nothing").isNull();

			Heartbeats.enough(updates.listener());

			assertThat(announceUntilHeard(updates, community, heard)).isEqualTo(community);
		}
		finally {
			listening.dispose();
		}
	}

	private long announceUntilHeard(CaseUpdates updates, long community, BlockingQueue<CaseUpdates.CaseChanged> heard)
			throws InterruptedException {
		for (int attempt = 0; attempt < 50; attempt++) {
			updates.announceAfterCommit(community, attempt);
			CaseUpdates.CaseChanged change = heard.poll(200, TimeUnit.MILLISECONDS);
			if (change != null) {
				heard.clear();
				return change.communityId();
			}
		}
		throw new AssertionError("the instance did not hear its own announcement");
	}

	/** Reports until the subscriber has seen one of the reports (a subscription has no acknowledgement to wait for). */
	private Map<String, Object> reportUntilReceived(Person reporter, BlockingQueue<Map<String, Object>> received)
			throws InterruptedException {
		java.util.Set<Object> sent = new java.util.HashSet<>();
		for (int attempt = 0; attempt < 20; attempt++) {
			sent.add(this.fixtures.reported(reporter, "实时案件 " + attempt).get("id"));
			Map<String, Object> update = received.poll(500, TimeUnit.MILLISECONDS);
			while (update != null) {
				if (sent.contains(update.get("id"))) {
					return update;
				}
				update = received.poll();
			}
		}
		throw new AssertionError("no case reached the subscriber");
	}

	@SuppressWarnings("unchecked")
	private Disposable subscribe(Person person, BlockingQueue<Map<String, Object>> received) {
		return client(person).document(UPDATES)
			.variable("community", this.fixtures.dongting())
			.variable("grid", null)
			.retrieveSubscription("caseUpdates")
			.toEntity(Map.class)
			.subscribe(update -> received.add((Map<String, Object>) update));
	}

	private WebSocketGraphQlClient client(Person person) {
		String token = Clients.token(this.port, person.phone(), Clients.DEMO_PASSWORD);
		int otherPort = this.otherInstance.port();
		return WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + otherPort + "/graphql"), new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
	}

}
