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
		// started on the spot ten minutes ago (a shift may start at most fifteen minutes before it is created)
		String shiftId = createShift(captainPhone, team, dt01, Instant.now().minus(Duration.ofMinutes(10)));

		// the volunteer signs up
		signIn(volunteerPhone);
		click("[data-testid=open-shifts]");
		click("[data-testid=sign-up]");
		assertThat(visible("[data-testid=signup-status]").getText()).isEqualTo("已报名");
		assertAccessible("the volunteer's shifts");

		// and checks in where the phone says it is
		this.browser.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", url(""), "permissions", List.of("geolocation")));
		this.browser.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", IN_DT01.latitude(), "longitude", IN_DT01.longitude(), "accuracy", 12));
		this.browser.get(url("/volunteer/check-in"));
		click("[data-testid=check-in]");
		assertThat(visible("[data-testid=on-patrol]").getText()).contains("巡逻中");
		assertAccessible("the volunteer on patrol");
		long shiftKey = GlobalId.keyOf(shiftId, "Shift");
		// count the patrol from the shift's start, ten minutes ago, without positions reported
		this.jdbc.sql("UPDATE check_in SET checked_in_at = (SELECT starts_at FROM shift WHERE id = ?) WHERE shift_id = ?")
			.params(shiftKey, shiftKey).update();
		click("[data-testid=check-out]");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=check-in-message]"), "签退成功"));
		assertThat(visible("[data-testid=attendance-status]").getText()).isEqualTo("等待队长审核");

		// the captain patrolled too, without positions: that patrol waits for someone else's review
		patrolWithoutPositions(captainPhone, shiftId);

		// the captain approves eight of the ten minutes checked in from the review queue
		this.browser.get(url("/"));
		click("[data-testid=sign-out]");
		visible("#phone");
		signIn(captainPhone);
		this.browser.get(url("/captain"));
		click("[data-testid=open-captain-review]");
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=review-item]"), 2));
		List<WebElement> items = this.browser.findElements(By.cssSelector("[data-testid=review-item]"));
		WebElement own = items.stream().filter(i -> i.getText().contains("王队长")).findFirst().orElseThrow();
		assertThat(own.findElement(By.cssSelector("[data-testid=review-own]")).getText()).contains("由本队另一位队长或社区管理员审核");
		assertThat(own.findElements(By.cssSelector("[data-testid=approve]"))).isEmpty();
		assertAccessible("the captain's review queue");
		WebElement item = items.stream().filter(i -> i.getText().contains("赵阿姨")).findFirst().orElseThrow();
		WebElement minutes = item.findElement(By.cssSelector("[data-testid=approve-minutes]"));
		minutes.clear();
		minutes.sendKeys("8");
		item.findElement(By.cssSelector("[data-testid=approve]")).click();
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=review-item]"), 1));
		assertThat(this.jdbc.sql("""
				SELECT a.verified_minutes FROM attendance a JOIN check_in c ON c.id = a.check_in_id
				WHERE c.shift_id = ? AND a.status = 'APPROVED'""").param(shiftKey).query(Integer.class).single()).isEqualTo(8);
	}

	@Test
	void aCaptainInvitesANeighbourByPhoneNumberWhoAcceptsOnTheirPhone() throws Exception {
		Grid dt01 = this.geography.gridAt(IN_DT01).orElseThrow();
		Team team = this.teams.create(dt01.communityId(), "邀请队" + System.nanoTime() % 1_000_000L, List.of(dt01.id()));
		String captainPhone = person("李队长", team);
		this.accounts.grant(accountOf(captainPhone).id(), Role.CAPTAIN, team.id());
		String neighbourPhone = Clients.uniquePhone();
		Account neighbour = this.accounts.register(neighbourPhone, "钱阿姨", PASSWORD, "zh-CN");
		this.accounts.grant(neighbour.id(), Role.VOLUNTEER, team.communityId());

		// the captain types the number as it is written on a paper list
		signIn(captainPhone);
		this.browser.get(url("/captain"));
		click("[data-testid=open-captain-members]");
		WebElement phone = visible("[data-testid=invite-phone]");
		phone.sendKeys("+86 " + neighbourPhone.substring(0, 3) + " " + neighbourPhone.substring(3));
		click("[data-testid=invite]");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=captain-message]"), "邀请已发出"));
		assertThat(visible("[data-testid=invitation]").getText()).contains("钱阿姨").contains("等待答复");
		assertAccessible("the captain's members");
		assertThat(phone.getAttribute("value")).isEmpty();
		screenshot("captain-invites");

		// a number without an account is refused, and nothing is sent
		phone.sendKeys("139 0000 0000 0");
		click("[data-testid=invite]");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=captain-message]"), "没有使用这个手机号的七宝账号"));
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=invitation]"))).hasSize(1);

		// the neighbour accepts on their own phone and is a member
		this.browser.get(url("/"));
		click("[data-testid=sign-out]");
		visible("#phone");
		signIn(neighbourPhone);
		this.browser.get(url("/volunteer/shifts"));
		assertThat(visible("[data-testid=my-invitation]").getText()).contains(team.name());
		click("[data-testid=accept-invitation]");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=patrol-message]"), "欢迎入队"));
		assertThat(this.jdbc.sql("SELECT status FROM team_member WHERE team_id = ? AND account_id = ?")
			.params(team.id(), neighbour.id()).query(String.class).single()).isEqualTo("ACTIVE");
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

	/** Signs up for the shift, checks in (counted from the shift's start) and out again, through the API. */
	private void patrolWithoutPositions(String phone, String shiftId) {
		var client = Clients.signedIn(this.port, phone, PASSWORD);
		client.document("mutation($input: ShiftSignUpInput!) { shiftSignUp(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("shiftId", shiftId))
			.execute()
			.path("shiftSignUp.userErrors").entityList(Object.class).hasSize(0);
		Map<String, Object> here = Map.of("shiftId", shiftId, "accuracy", 12, "position",
				Map.of("longitude", IN_DT01.longitude(), "latitude", IN_DT01.latitude()));
		for (String mutation : List.of("shiftCheckIn", "shiftCheckOut")) {
			client.document("mutation($input: ShiftCheckInInput!) { " + mutation + "(input: $input) { userErrors { code } } }")
				.variable("input", here)
				.execute()
				.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
			long shiftKey = GlobalId.keyOf(shiftId, "Shift");
			this.jdbc.sql("""
					UPDATE check_in SET checked_in_at = (SELECT starts_at FROM shift WHERE id = ?)
					WHERE shift_id = ? AND checked_out_at IS NULL""").params(shiftKey, shiftKey).update();
		}
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
