package org.qibao.location;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qibao.Clients;
import org.qibao.QibaoApplication;
import org.qibao.RedisLink;
import org.qibao.TestRedis;
import org.qibao.identity.Accounts;
import org.qibao.location.Patrol.Volunteer;
import org.qibao.location.PatrolCoverage.Coverage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance whose Redis cannot be reached, or goes away: it refuses reports for later (the
 * phone keeps them) and never acknowledges one Redis does not have, says the live map is unavailable rather than empty, and marks the check-in's coverage
 * incomplete so that a captain reviews it.
 */
@LocationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestCheckIns checkIns;

	@Autowired
	Environment environment;

	ConfigurableApplicationContext withoutRedis;

	int withoutRedisPort;

	@BeforeAll
	void startAnInstanceWhoseRedisIsDown() throws Exception {
		this.withoutRedis = new SpringApplicationBuilder(QibaoApplication.class, TestCheckIns.Configuration.class)
			.run(arguments(TestRedis.unreachable(this.environment)));
		this.withoutRedisPort = ((WebServerApplicationContext) this.withoutRedis).getWebServer().getPort();
	}

	@AfterAll
	void stopIt() {
		if (this.withoutRedis != null) {
			this.withoutRedis.close();
		}
	}

	@Test
	void reportsAreRefusedForLaterQueriesSayUnavailableAndTheCoverageGoesToReview() {
		Patrol patrol = new Patrol(this.port, this.jdbc, this.accounts, this.checkIns);
		Volunteer volunteer = patrol.volunteer("没有Redis");
		TestCheckIns theirCheckIns = this.withoutRedis.getBean(TestCheckIns.class);
		volunteer.checkIn = theirCheckIns.open(volunteer.account.id(), patrol.communityId, patrol.teamId,
				java.util.List.of(patrol.dt01), Instant.now().minusSeconds(600), Instant.now().plusSeconds(3600));
		String token = Clients.token(this.port, volunteer.phoneNumber, Patrol.PASSWORD);
		on(token).document(Patrol.REPORT).variable("input", Patrol.position(Patrol.IN_DT01, 10, Instant.now()))
			.execute()
			.path("positionReport.accepted").entity(Integer.class).isEqualTo(0)
			.path("positionReport.userErrors[0].code").entity(String.class).isEqualTo("LIVE_MAP_UNAVAILABLE");
		on(Clients.token(this.port, Clients.ADMINISTRATOR_PHONE, Clients.DEMO_PASSWORD))
			.document("query($c: ID!) { livePatrollersInCommunity(communityId: $c) { checkInId } }")
			.variable("c", patrol.community())
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAVAILABLE"));
		Coverage coverage = this.withoutRedis.getBean(PatrolCoverage.class).close(volunteer.checkIn.checkInId());
		assertThat(coverage.complete()).isFalse();
		assertThat(coverage.minutes()).isZero();
	}

	@Test
	void aReportIsNotAcknowledgedWhenRedisDiesBeforeItIsStored() {
		try (RedisLink link = RedisLink.toTestRedis(this.environment)) {
			ConfigurableApplicationContext instance = new SpringApplicationBuilder(QibaoApplication.class,
					TestCheckIns.Configuration.class, RedisLink.Routing.class)
				.run(arguments(link.arguments(redisUrl()).toArray(String[]::new)));
			try {
				int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
				Patrol patrol = new Patrol(this.port, this.jdbc, this.accounts, this.checkIns);
				Volunteer volunteer = patrol.volunteer("断线");
				volunteer.checkIn = instance.getBean(TestCheckIns.class)
					.open(volunteer.account.id(), patrol.communityId, patrol.teamId, java.util.List.of(patrol.dt01),
							Instant.now().minusSeconds(600), Instant.now().plusSeconds(3600));
				HttpGraphQlTester phone = on(port, Clients.token(this.port, volunteer.phoneNumber, Patrol.PASSWORD));
				Instant first = Instant.now().minusSeconds(30);
				phone.document(Patrol.REPORT).variable("input", Patrol.position(Patrol.IN_DT01, 10, first))
					.execute()
					.path("positionReport.accepted").entity(Integer.class).isEqualTo(1);

				link.cut();

				phone.document(Patrol.REPORT)
					.variable("input", Patrol.position(Patrol.IN_DT01, 10, first.plusSeconds(15)))
					.execute()
					.path("positionReport.accepted").entity(Integer.class).isEqualTo(0)
					.path("positionReport.userErrors[0].code").entity(String.class).isEqualTo("LIVE_MAP_UNAVAILABLE");
			}
			finally {
				instance.close();
			}
		}
	}

	private String[] arguments(String... redis) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + property("spring.datasource.url"),
				"--spring.datasource.username=" + property("spring.datasource.username"),
				"--spring.datasource.password=" + this.environment.getProperty("spring.datasource.password", ""),
				"--spring.data.redis.timeout=500ms", "--spring.data.redis.connect-timeout=300ms",
				"--qibao.data-dir=" + property("qibao.data-dir"), "--qibao.demo.enabled=false",
				"--spring.datasource.hikari.maximum-pool-size=4"));
		arguments.addAll(List.of(redis));
		return arguments.toArray(String[]::new);
	}

	private String redisUrl() {
		String url = this.environment.getProperty("spring.data.redis.url");
		return (url != null) ? url
				: "redis://" + this.environment.getProperty("spring.data.redis.host", "127.0.0.1") + ":"
						+ this.environment.getProperty("spring.data.redis.port", "6379");
	}

	private HttpGraphQlTester on(int port, String token) {
		return Clients.anonymous(port).mutate().header("Authorization", "Bearer " + token).build();
	}

	private HttpGraphQlTester on(String token) {
		return Clients.anonymous(this.withoutRedisPort).mutate().header("Authorization", "Bearer " + token).build();
	}

	private String property(String name) {
		return this.environment.getRequiredProperty(name);
	}

}
