package org.qibao.location;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.qibao.identity.Accounts;
import org.qibao.location.Patrol.Volunteer;
import org.qibao.patrol.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone reports to one instance; the grid worker's map is subscribed on another. The two
 * share PostgreSQL and Redis, as two instances behind a load balancer do.
 */
@LocationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossInstanceSubscriptionTests {

	private static final String UPDATES = """
			subscription($community: ID!, $grid: ID) { livePatrollerUpdates(communityId: $community, gridId: $grid) {
			  left patroller { checkInId account { displayName } position { longitude latitude } grid { code } } } }""";

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
	Teams teams;

	@Autowired
	Environment environment;

	AnotherInstance otherInstance;

	Patrol patrol;

	@BeforeAll
	void startAnotherInstance() {
		// the same stores: those the environment names, or the embedded ones of the same data directory
		this.otherInstance = AnotherInstance.start(this.environment);
	}

	@AfterAll
	void stopIt() {
		if (this.otherInstance != null) {
			this.otherInstance.close();
		}
	}

	@BeforeEach
	void demoCommunity() {
		this.patrol = new Patrol(this.port, this.jdbc, this.accounts, this.checkIns);
	}

	@Test
	void aGridWorkerSubscribedOnAnotherInstanceSeesThePatrollerMoveAndLeave() throws Exception {
		BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
		Disposable subscription = subscribe("13900000002", this.patrol.grid(this.patrol.dt01), received);
		try {
			Volunteer volunteer = this.patrol.checkedIn("跨实例");
			Map<String, Object> moved = reportUntilReceived(volunteer, received);
			assertThat(moved.get("left")).isEqualTo(false);
			Map<?, ?> patroller = (Map<?, ?>) moved.get("patroller");
			assertThat(patroller.get("account")).isEqualTo(Map.of("displayName", "跨实例"));
			assertThat(patroller.get("grid")).isEqualTo(Map.of("code", "DT-01"));
			this.checkIns.checkOut(volunteer.checkIn);
			this.coverage.close(volunteer.checkIn.checkInId());
			Map<String, Object> left = next(received, volunteer);
			assertThat(left.get("left")).isEqualTo(true);
		}
		finally {
			subscription.dispose();
		}
	}

	@Test
	void aSubscriberSeesOnlyThePatrollersTheyMaySee() throws Exception {
		BlockingQueue<Map<String, Object>> gridWorker = new LinkedBlockingQueue<>();
		BlockingQueue<Map<String, Object>> otherTeamsCaptain = new LinkedBlockingQueue<>();
		long otherTeam = this.teams.create(this.patrol.communityId, "别的队 " + System.nanoTime(), List.of()).id();
		Volunteer captain = this.patrol.volunteer("别队队长");
		this.accounts.grant(captain.account.id(), org.qibao.identity.Role.CAPTAIN, otherTeam);
		String captainToken = Clients.token(this.port, captain.phoneNumber, Patrol.PASSWORD);
		Disposable one = subscribe(Clients.token(this.port, "13900000002", Clients.DEMO_PASSWORD), null, gridWorker, true);
		Disposable two = subscribe(captainToken, null, otherTeamsCaptain, true);
		try {
			Volunteer volunteer = this.patrol.checkedIn("只给能看的人看");
			reportUntilReceived(volunteer, gridWorker);
			assertThat(otherTeamsCaptain.poll(1, TimeUnit.SECONDS)).isNull();
			// the captain's subscription is open all along: their own team's patroller reaches them
			Volunteer member = this.patrol.volunteer("别队队员");
			Instant start = Instant.now().minus(Duration.ofMinutes(20));
			member.checkIn = this.checkIns.open(member.account.id(), this.patrol.communityId, otherTeam,
					List.of(this.patrol.dt01, this.patrol.dt02), start, start.plus(Duration.ofHours(2)));
			reportUntilReceived(member, otherTeamsCaptain);
		}
		finally {
			one.dispose();
			two.dispose();
		}
	}

	private Disposable subscribe(String phone, String grid, BlockingQueue<Map<String, Object>> received) {
		return subscribe(Clients.token(this.port, phone, Clients.DEMO_PASSWORD), grid, received, true);
	}

	@SuppressWarnings("unchecked")
	private Disposable subscribe(String token, String grid, BlockingQueue<Map<String, Object>> received,
			boolean onTheOtherInstance) {
		int otherPort = this.otherInstance.port();
		WebSocketGraphQlClient client = WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + otherPort + "/graphql"), new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
		return client.document(UPDATES)
			.variable("community", this.patrol.community())
			.variable("grid", grid)
			.retrieveSubscription("livePatrollerUpdates")
			.toEntity(Map.class)
			.subscribe(update -> received.add((Map<String, Object>) update));
	}

	/** Reports a walk until the subscriber has seen it (a subscription has no acknowledgement to wait for). */
	private Map<String, Object> reportUntilReceived(Volunteer volunteer, BlockingQueue<Map<String, Object>> received)
			throws InterruptedException {
		Instant start = Instant.now().minus(Duration.ofMinutes(5));
		for (int step = 0; step < 40; step++) {
			volunteer.report(Patrol.east(Patrol.IN_DT01, step * 3), start.plusSeconds(step * 6L))
				.path("positionReport.accepted").entity(Integer.class).isEqualTo(1);
			Map<String, Object> update = received.poll(250, TimeUnit.MILLISECONDS);
			while (update != null) {
				if (volunteer.checkInId().equals(((Map<?, ?>) update.get("patroller")).get("checkInId"))) {
					return update;
				}
				update = received.poll();
			}
		}
		throw new AssertionError("no update reached the subscriber");
	}

	private Map<String, Object> next(BlockingQueue<Map<String, Object>> received, Volunteer volunteer)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			Map<String, Object> update = received.poll(200, TimeUnit.MILLISECONDS);
			if (update != null && update.get("left").equals(true)
					&& volunteer.checkInId().equals(((Map<?, ?>) update.get("patroller")).get("checkInId"))) {
				return update;
			}
		}
		throw new AssertionError("no departure reached the subscriber");
	}

}
