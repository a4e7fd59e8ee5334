package org.qibao.identity;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.qibao.AnotherInstance;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A reset code used on one instance ends the member's sessions on the other too, as signing out everywhere does. */
@QibaoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordResetAcrossInstancesTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	AnotherInstance otherInstance;

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

	@Test
	void aResetOnOneInstanceEndsTheMembersTokenOnTheOtherWithinTwoSeconds() {
		PasswordResetTests.Team team = PasswordResetTests.Team.of(this.port, this.jdbc, this.accounts);
		int other = this.otherInstance.port();
		String onOther = Clients.token(other, team.memberPhone(), PasswordResetTests.PASSWORD);
		await().atMost(Duration.ofSeconds(15)).until(this.otherInstance.bean(TokenStandings.class)::listening);
		assertThat(PasswordResetTests.status(other, onOther)).as("known to the other instance").isEqualTo(200);

		String code = Clients.anonymous(this.port).mutate().header("Authorization", "Bearer " + team.captainToken()).build()
			.document(PasswordResetTests.ISSUE)
			.variable("input", Map.of("account", PasswordResetTests.id(team.member())))
			.execute()
			.path("accountResetCodeIssue.code").entity(String.class).get();
		Clients.anonymous(this.port).document(PasswordResetTests.USE)
			.variable("input", Map.of("phone", team.memberPhone(), "code", code, "newPassword", "brand new pw 2"))
			.execute()
			.path("accountResetCodeUse.userErrors").entityList(Object.class).hasSize(0);

		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(PasswordResetTests.status(other, onOther)).isEqualTo(401));
	}

}
