package org.qibao.webclient;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer signs up, checks in on the spot (with a faked position in 东亭一网格) and out
 * again on a phone-sized browser; the patrol had no positions, so it goes to the captain, who
 * approves it from the review queue.
 */
@QibaoTest
class PatrolInTheBrowserTests extends BrowserTest {

	private static final String PASSWORD = "browser-patrol-1";

	private static final GeoPoint IN_DT01 = new GeoPoint(114.353, 30.567);

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Teams teams;

	@Autowired
	Geography geography;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVolunteerSignsUpChecksInAndOutAndTheCaptainApprovesTheDoubtfulPatrol() {
		Grid dt01 = this.geography.gridAt(IN_DT01).orElseThrow();
		Team team = this.teams.create(dt01.communityId(), "浏览器队" + System.nanoTime() % 1_000_000L, List.of(dt01.id()));
		String captainPhone = person("王队长", team);
		this.accounts.grant(accountOf(captainPhone).id(), Role.CAPTAIN, team.id());
		String volunteerPhone = person("赵阿姨", team);
		String shiftId = createShift(captainPhone, team, dt01, Instant.now().minus(Duration.ofMinutes(30)));

		// the volunteer signs up
		signIn(volunteerPhone);
		click("[data-testid=open-shifts]");
		click("[data-testid=sign-up]");
		assertThat(visible("[data-testid=signup-status]").getText()).isEqualTo("已报名");

		// and checks in where the phone says it is
		this.browser.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", url(""), "permissions", List.of("geolocation")));
		this.browser.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", IN_DT01.latitude(), "longitude", IN_DT01.longitude(), "accuracy", 12));
		this.browser.get(url("/volunteer/check-in"));
		click("[data-testid=check-in]");
		assertThat(visible("[data-testid=on-patrol]").getText()).contains("巡逻中");
		long shiftKey = GlobalId.keyOf(shiftId, "Shift");
		// count the patrol from the shift's start, twenty-odd minutes ago, without positions reported
		this.jdbc.sql("UPDATE check_in SET checked_in_at = (SELECT starts_at FROM shift WHERE id = ?) WHERE shift_id = ?")
			.params(shiftKey, shiftKey).update();
		click("[data-testid=check-out]");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=check-in-message]"), "签退成功"));
		assertThat(visible("[data-testid=attendance-status]").getText()).isEqualTo("等待队长审核");

		// the captain approves twenty minutes from the review queue
		this.browser.get(url("/"));
		click("[data-testid=sign-out]");
		visible("#phone");
		signIn(captainPhone);
		this.browser.get(url("/captain"));
		click("[data-testid=open-captain-review]");
		WebElement item = visible("[data-testid=review-item]");
		assertThat(item.getText()).contains("赵阿姨");
		WebElement minutes = item.findElement(By.cssSelector("[data-testid=approve-minutes]"));
		minutes.clear();
		minutes.sendKeys("20");
		item.findElement(By.cssSelector("[data-testid=approve]")).click();
		visible("[data-testid=review-empty]");
		assertThat(this.jdbc.sql("""
				SELECT a.verified_minutes FROM attendance a JOIN check_in c ON c.id = a.check_in_id
				WHERE c.shift_id = ? AND a.status = 'APPROVED'""").param(shiftKey).query(Integer.class).single()).isEqualTo(20);
	}

	private String createShift(String captainPhone, Team team, Grid grid, Instant start) {
		return Clients.signedIn(this.port, captainPhone, PASSWORD)
			.document("""
					mutation($input: ShiftCreateInput!) { shiftCreate(input: $input) { shift { id } userErrors { code } } }""")
			.variable("input", Map.of("teamId", GlobalId.encode("Team", team.id()), "gridIds",
					List.of(GlobalId.encode("Grid", grid.id())), "startsAt", start.toString(), "endsAt",
					start.plus(Duration.ofHours(1)).toString(), "minPatrollers", 1, "maxPatrollers", 7))
			.execute()
			.path("shiftCreate.shift.id")
			.entity(String.class)
			.get();
	}

	private String person(String name, Team team) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, name, PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.VOLUNTEER, team.communityId());
		this.teams.addMember(team.id(), account.id());
		return phone;
	}

	private Account accountOf(String phone) {
		long id = this.jdbc.sql("SELECT id FROM account WHERE phone = ?").param(phone).query(Long.class).single();
		return this.accounts.findAll(List.of(id)).get(id);
	}

	private void signIn(String phone) {
		signInInChinese(url(""), phone, PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
