package org.qibao.location;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.identity.Accounts;
import org.qibao.location.Patrol.Volunteer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

@LocationTest
class PositionReportTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestCheckIns checkIns;

	@Autowired
	StringRedisTemplate redis;

	Patrol patrol;

	@BeforeEach
	void demoCommunity() {
		this.patrol = new Patrol(this.port, this.jdbc, this.accounts, this.checkIns);
	}

	@Test
	void aCheckedInVolunteersPositionIsAcceptedAndPlacedInItsGrid() {
		Volunteer volunteer = this.patrol.checkedIn("肖建国");
		volunteer.report(Patrol.IN_DT01, Instant.now())
			.path("positionReport.accepted").entity(Integer.class).isEqualTo(1)
			.path("positionReport.userErrors").entityList(Object.class).hasSize(0)
			.path("positionReport.patroller.insidePatrolArea").entity(Boolean.class).isEqualTo(true)
			.path("positionReport.patroller.grid.code").entity(String.class).isEqualTo("DT-01");
	}

	@Test
	void aVolunteerWithoutAnOpenCheckInIsRefusedAndNothingIsStored() {
		Volunteer volunteer = this.patrol.volunteer("李桂芳");
		volunteer.report(Patrol.IN_DT01, Instant.now())
			.path("positionReport.accepted").entity(Integer.class).isEqualTo(0)
			.path("positionReport.userErrors[0].code").entity(String.class).isEqualTo("NO_OPEN_CHECK_IN");
		assertThat(this.redis.opsForHash().keys(new LiveKeys(this.patrol.communityId).patrollers()).toString())
			.doesNotContain(":" + volunteer.account.id() + "|");
	}

	@Test
	void anAnonymousReportIsUnauthorized() {
		Clients.anonymous(this.port)
			.document(Patrol.REPORT)
			.variable("input", Patrol.position(Patrol.IN_DT01, 10, Instant.now()))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
	}

	@Test
	void aReportOverWebSocketIsFiledForTheTokenInConnectionInit() {
		Volunteer volunteer = this.patrol.checkedIn("周玉兰");
		String token = Clients.token(this.port, volunteer.phoneNumber, Patrol.PASSWORD);
		ClientGraphQlResponse filed = overWebSocket(token).document(Patrol.REPORT)
			.variable("input", Patrol.position(Patrol.IN_DT01, 10, Instant.now()))
			.execute()
			.block(Duration.ofSeconds(10));
		assertThat(filed.field("positionReport.accepted").toEntity(Integer.class)).isEqualTo(1);
		assertThat(filed.field("positionReport.patroller.grid.code").toEntity(String.class)).isEqualTo("DT-01");
		ClientGraphQlResponse anonymous = overWebSocket(null).document(Patrol.REPORT)
			.variable("input", Patrol.position(Patrol.IN_DT01, 10, Instant.now()))
			.execute()
			.block(Duration.ofSeconds(10));
		assertThat(anonymous.getErrors()).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
	}

	private WebSocketGraphQlClient overWebSocket(String token) {
		return WebSocketGraphQlClient
			.builder(URI.create("ws://localhost:" + this.port + "/graphql"), new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return (token == null) ? Mono.just(Map.of()) : Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
	}

	@Test
	void everyImplausibleReportOfABatchIsDroppedAndCountedByReason() {
		Volunteer volunteer = this.patrol.checkedIn("张德胜");
		Instant now = Instant.now();
		double before = dropped("IMPLAUSIBLE_SPEED");
		List<Map<String, Object>> reports = List.of(
				Patrol.position(Patrol.IN_DT01, 10, now.minusSeconds(60)),
				Patrol.position(new double[] { 30.5675, 114.353 }, 10, now.minusSeconds(55)),
				Patrol.position(new double[] { 0, 0 }, 10, now.minusSeconds(54)),
				Patrol.position(Patrol.IN_DT01, 500, now.minusSeconds(50)),
				Patrol.position(Patrol.IN_DT01, 10, now.plus(Duration.ofHours(1))),
				Patrol.position(Patrol.IN_DT01, 10, now.minus(Duration.ofDays(2))),
				Patrol.position(Patrol.east(Patrol.IN_DT01, 2000), 10, now.minusSeconds(45)),
				Patrol.position(Patrol.east(Patrol.IN_DT01, 5), 10, now.minusSeconds(58)),
				Patrol.position(Patrol.east(Patrol.IN_DT01, 20), 10, now.minusSeconds(30)));
		volunteer.batch(reports)
			.path("positionReportBatch.accepted").entity(Integer.class).isEqualTo(2)
			.path("positionReportBatch.coalesced").entity(Integer.class).isEqualTo(1)
			.path("positionReportBatch.dropped").entityList(Map.class).satisfies(drops -> assertThat(drops)
				.containsExactlyInAnyOrder(Map.of("reason", "INVALID_COORDINATES", "count", 2),
						Map.of("reason", "BAD_ACCURACY", "count", 1), Map.of("reason", "FUTURE_TIMESTAMP", "count", 1),
						Map.of("reason", "TOO_OLD", "count", 1), Map.of("reason", "IMPLAUSIBLE_SPEED", "count", 1)));
		volunteer.report(Patrol.east(Patrol.IN_DT01, 20), now.minusSeconds(30))
			.path("positionReport.dropped[0].reason").entity(String.class).isEqualTo("DUPLICATE");
		assertThat(dropped("IMPLAUSIBLE_SPEED")).isEqualTo(before + 1);
		assertThat(this.redis.opsForList().size(new LiveKeys(this.patrol.communityId).track(volunteer.checkIn.checkInId())))
			.isEqualTo(2);
	}

	@Test
	void aBatchWithOneReportThatIsNotANumberStoresTheOthersAndNamesIt() {
		Volunteer volunteer = this.patrol.checkedIn("黄丽华");
		Instant now = Instant.now();
		Map<String, Object> broken = Patrol.position(Patrol.IN_DT01, 10, now.minusSeconds(30));
		Map<String, Object> nanLatitude = new java.util.HashMap<>();
		nanLatitude.put("longitude", Patrol.IN_DT01[0]);
		nanLatitude.put("latitude", null);
		broken.put("position", nanLatitude);
		broken.put("accuracy", null);
		volunteer.batch(List.of(Patrol.position(Patrol.IN_DT01, 10, now.minusSeconds(45)), broken,
				Patrol.position(Patrol.IN_DT01, 10, now.minusSeconds(15))))
			.path("positionReportBatch.userErrors").entityList(Object.class).hasSize(0)
			.path("positionReportBatch.accepted").entity(Integer.class).isEqualTo(2)
			.path("positionReportBatch.droppedReports").entityList(Map.class)
			.containsExactly(Map.of("index", 1, "reason", "INVALID_COORDINATES"));
		assertThat(this.redis.opsForList().size(new LiveKeys(this.patrol.communityId).track(volunteer.checkIn.checkInId())))
			.isEqualTo(2);
	}

	@Test
	void aBatchOverTheLimitIsRefusedWhole() {
		Volunteer volunteer = this.patrol.checkedIn("刘玉珍");
		Instant now = Instant.now();
		List<Map<String, Object>> reports = java.util.stream.IntStream.range(0, 101)
			.mapToObj(i -> Patrol.position(Patrol.IN_DT01, 10, now.minusSeconds(600 - i * 5L)))
			.toList();
		volunteer.batch(reports)
			.path("positionReportBatch.accepted").entity(Integer.class).isEqualTo(0)
			.path("positionReportBatch.userErrors[0].code").entity(String.class).isEqualTo("BATCH_TOO_LARGE");
	}

	@Test
	void aCaptainReportsForAMemberTheyCheckedInButNobodyElseMay() {
		Volunteer captain = this.patrol.volunteer("队长");
		Volunteer member = this.patrol.volunteer("没有手机的队员");
		member.checkIn = this.patrol.checkIn(member.account.id(), captain.account.id());
		Map<String, Object> input = Patrol.position(Patrol.IN_DT02, 10, Instant.now());
		input.put("forAccountId", org.qibao.shared.GlobalId.encode("Account", member.account.id()));
		captain.phone.document(Patrol.REPORT).variable("input", input).execute()
			.path("positionReport.accepted").entity(Integer.class).isEqualTo(1)
			.path("positionReport.patroller.grid.code").entity(String.class).isEqualTo("DT-02");
		Volunteer stranger = this.patrol.volunteer("路人");
		stranger.phone.document(Patrol.REPORT).variable("input", input).execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
	}

	@Test
	void everyLiveKeyExpiresByItself() {
		Volunteer volunteer = this.patrol.checkedIn("陈志强");
		volunteer.report(Patrol.IN_DT01, Instant.now()).path("positionReport.accepted").entity(Integer.class).isEqualTo(1);
		LiveKeys keys = new LiveKeys(this.patrol.communityId);
		long id = volunteer.checkIn.checkInId();
		for (String key : List.of(keys.geo(), keys.seen(), keys.patrollers(), keys.coverage(id), keys.counts(id),
				keys.track(id))) {
			assertThat(this.redis.getExpire(key)).as("TTL of %s", key).isPositive();
		}
		// at least the drop-off time (10 minutes) plus one after the last position, at most twice that
		assertThat(this.redis.getExpire(keys.geo())).isBetween(Duration.ofMinutes(11).toSeconds(),
				Duration.ofMinutes(22).toSeconds());
	}

	@Test
	void theLiveMapsTtlIsRenewedOnceHalfOfItHasRunDown() {
		Volunteer volunteer = this.patrol.checkedIn("王秀兰");
		Instant first = Instant.now().minusSeconds(60);
		volunteer.report(Patrol.IN_DT01, first).path("positionReport.accepted").entity(Integer.class).isEqualTo(1);
		LiveKeys keys = new LiveKeys(this.patrol.communityId);
		List<String> liveMap = List.of(keys.geo(), keys.seen(), keys.patrollers());
		liveMap.forEach(key -> this.redis.expire(key, Duration.ofMinutes(5)));

		volunteer.report(Patrol.IN_DT01, first.plusSeconds(30))
			.path("positionReport.accepted").entity(Integer.class).isEqualTo(1);
		for (String key : liveMap) {
			assertThat(this.redis.getExpire(key)).as("TTL of %s", key).isGreaterThan(Duration.ofMinutes(11).toSeconds());
		}
	}

	@Test
	void droppedReportsAreVisibleAsPrometheusCounters() {
		String metrics = Clients.http(this.port).get().uri("/actuator/prometheus").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics).contains("qibao_location_positions_dropped_total{reason=\"IMPLAUSIBLE_SPEED\"")
			.contains("qibao_location_positions_accepted_total");
	}

	private double dropped(String reason) {
		String metrics = Clients.http(this.port).get().uri("/actuator/prometheus").exchange()
			.expectBody(String.class).returnResult().getResponseBody();
		return metrics.lines()
			.filter(l -> l.startsWith("qibao_location_positions_dropped_total{reason=\"" + reason + "\""))
			.mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(0);
	}

}
