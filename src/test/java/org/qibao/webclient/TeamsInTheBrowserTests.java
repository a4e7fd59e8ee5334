package org.qibao.webclient;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qibao.QibaoTest;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.Shifts;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The community's administrator forms a team and appoints its captain at a desktop's width; the new
 * captain then changes the team's schedule on their phone.
 */
@QibaoTest
class TeamsInTheBrowserTests extends BrowserTest {

	private static final String PASSWORD = "browser-teams-1";

	private static final GeoPoint IN_DT01 = new GeoPoint(114.353, 30.567);

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Teams teams;

	@Autowired
	Shifts shifts;

	@Autowired
	Geography geography;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorFormsATeamWithACaptainWhoThenChangesItsScheduleOnTheirPhone() throws Exception {
		Grid dt01 = this.geography.gridAt(IN_DT01).orElseThrow();
		long community = dt01.communityId();
		String adminPhone = person("孙书记");
		this.accounts.grant(accountOf(adminPhone).id(), Role.ADMINISTRATOR, community);
		String captainPhone = person("李队长");
		this.accounts.grant(accountOf(captainPhone).id(), Role.VOLUNTEER, community);
		String name = "夜巡队" + System.nanoTime() % 1_000_000L;

		// the administrator, at a desktop's width
		desktop();
		signIn(adminPhone);
		this.browser.get(url("/admin"));
		desktop();
		click("[data-testid=open-admin-teams]");
		visible("[data-testid=team-create-form]");
		assertThat(((Number) this.browser.executeScript("return window.innerWidth")).intValue()).isEqualTo(1280);
		assertAccessible("the administrator's teams");
		visible("[data-testid=team-name]").sendKeys(name);
		click("[data-testid=team-grids] input[data-code=DT-01]");
		click("[data-testid=team-create]");
		WebElement card = visible("[data-testid=admin-team][data-name='" + name + "']");
		assertThat(card.getText()).contains("还没有队长");
		card.findElement(By.cssSelector("[data-testid=captain-phone]")).sendKeys(captainPhone);
		card.findElement(By.cssSelector("[data-testid=captain-appoint]")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("[data-testid=admin-team][data-name='" + name + "'] [data-testid=team-captain]"), "李队长"));
		assertThat(visible("[data-testid=captain-message]").getText()).contains("已任命队长");
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=administrator]"))).isNotEmpty();
		assertAccessible("the administrator's teams with a captain");
		screenshot("administrator-desktop");

		Team team = this.teams.named(community, name).orElseThrow();
		this.shifts.scheduleDaily(team.id(), List.of(dt01.id()), LocalTime.of(9, 0), LocalTime.of(11, 0), 2, 6,
				accountOf(captainPhone).id());

		// the captain, on their phone
		this.browser.get(url("/"));
		click("[data-testid=sign-out]");
		phone();
		signIn(captainPhone);
		this.browser.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", url(""), "permissions", List.of("geolocation")));
		this.browser.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", IN_DT01.latitude(), "longitude", IN_DT01.longitude(), "accuracy", 12));
		this.browser.get(url("/captain/schedule"));
		phone();
		click("[data-testid=schedule-edit]");
		visible("[data-testid=schedule-edit-form]");
		assertAccessible("the captain's schedule editor");
		type("[data-testid=edit-start]", "10:00");
		type("[data-testid=edit-end]", "12:00");
		click("[data-testid=edit-day-7]");
		click("[data-testid=schedule-save]");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=captain-message]"),
				"排班已修改"));
		visible("[data-testid=team-grids-form]");
		assertAccessible("the captain's schedules after the change");

		// and places a checkpoint of the schedule where they stand
		click("[data-testid=schedule-edit]");
		click("[data-testid=checkpoint-add]");
		visible("[data-testid=schedule-checkpoint] input[type=text]").sendKeys("3 栋门口");
		click("[data-testid=checkpoints-save]");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=captain-message]"),
				"巡逻点已保存"));
		visible("[data-testid=schedule-checkpoint] [data-testid=checkpoint-plaque]");
		assertAccessible("the captain's schedule checkpoints");
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM checkpoint c JOIN shift s ON s.id = c.shift_id
				WHERE s.team_id = ? AND s.starts_at > now() AND c.name = '3 栋门口'""").param(team.id()).query(Integer.class).single())
			.as("on every shift not started").isGreaterThan(5);
		Map<String, Object> schedule = this.jdbc.sql("SELECT start_time, version, weekdays FROM shift_schedule WHERE team_id = ?")
			.param(team.id()).query().singleRow();
		assertThat(schedule.get("start_time").toString()).startsWith("10:00");
		assertThat(((Number) schedule.get("version")).intValue()).isEqualTo(1);
		screenshot("captain-phone");
	}

	/** Sets a time input as a person picking a time would, through the input's own value setter, so React hears it. */
	private void type(String css, String value) {
		WebElement input = visible(css);
		this.browser.executeScript("""
				const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
				setter.call(arguments[0], arguments[1]);
				arguments[0].dispatchEvent(new Event('input', { bubbles: true }));""", input, value);
	}

	private void desktop() {
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
	}

	private void phone() {
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
	}

	private String person(String name) {
		String phone = org.qibao.Clients.uniquePhone();
		this.accounts.register(phone, name, PASSWORD, "zh-CN");
		return phone;
	}

	private Account accountOf(String phone) {
		return this.accounts.findByPhone(phone).orElseThrow();
	}

	private void signIn(String phone) {
		signInInChinese(url(""), phone, PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
