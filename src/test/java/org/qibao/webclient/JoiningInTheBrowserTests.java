package org.qibao.webclient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * A captain invites a neighbour, who opens the invitation on their own phone (a fresh browser,
 * never signed in), chooses a password, lands in the volunteer area and checks in to their first
 * shift; and the community office imports its roster, sees the rows that are wrong, and applies
 * the rest.
 */
@QibaoTest
class JoiningInTheBrowserTests extends BrowserTest {

	private static final String PASSWORD = "browser-joining-1";

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
	void aCaptainsInviteeJoinsOnTheirPhoneAndChecksInToTheirFirstShift() throws Exception {
		Grid dt01 = this.geography.gridAt(IN_DT01).orElseThrow();
		Team team = this.teams.create(dt01.communityId(), "邀请队" + System.nanoTime() % 1_000_000L, List.of(dt01.id()));
		String captainPhone = Clients.uniquePhone();
		Account captain = this.accounts.register(captainPhone, "李队长", PASSWORD, "zh-CN");
		this.accounts.grant(captain.id(), Role.VOLUNTEER, team.communityId());
		this.accounts.grant(captain.id(), Role.CAPTAIN, team.id());
		this.teams.addMember(team.id(), captain.id());
		createShift(captainPhone, team, dt01, Instant.now().minus(Duration.ofMinutes(10)));

		// the captain invites the neighbour from their phone
		signInInChinese(url(""), captainPhone, PASSWORD);
		this.browser.get(url("/captain"));
		click("[data-testid=open-captain-invitations]");
		String neighbourPhone = Clients.uniquePhone();
		visible("#invite-name").sendKeys("陈奶奶");
		this.browser.findElement(By.id("invite-phone")).sendKeys("+86 " + neighbourPhone.substring(0, 3) + " "
				+ neighbourPhone.substring(3, 7) + " " + neighbourPhone.substring(7));
		click("[data-testid=invite-submit]");
		String code = visible("[data-testid=invitation-code]").getText().replace(" ", "");
		assertThat(code).matches("[2-9A-HJ-NP-Z]{8}");
		visible("[data-testid=invitation-qr] img");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=pending-invitations]"), "陈奶奶"));
		assertAccessible("the captain's invitation with its QR code");

		// the neighbour opens the join address on their own phone, never signed in there
		ChromeDriver phone = Browser.phone();
		try {
			WebDriverWait waitOnPhone = new WebDriverWait(phone, Duration.ofSeconds(20));
			phone.get(url("/join/" + code.toLowerCase()));
			click(waitOnPhone, "[data-testid=lang-zh-CN]");
			assertThat(visible(waitOnPhone, "[data-testid=join-who]").getText()).contains("李队长").contains(team.name());
			assertThat(phone.findElement(By.cssSelector("[data-testid=join-welcome]")).getText()).contains("陈奶奶");
			assertAccessible(phone, "the join screen");
			keep(phone, "join");
			visible(waitOnPhone, "#join-password").sendKeys("1234");
			click(waitOnPhone, "[data-testid=join-submit]");
			assertThat(visible(waitOnPhone, "[data-testid=join-error]").getText()).contains("密码");
			phone.findElement(By.id("join-password")).clear();
			phone.findElement(By.id("join-password")).sendKeys("chen-nainai-2026");
			click(waitOnPhone, "[data-testid=join-submit]");
			visible(waitOnPhone, "[data-testid=home-greeting]");
			waitOnPhone.until(ExpectedConditions.urlContains("/volunteer"));
			assertAccessible(phone, "the new volunteer's home");

			// and signs up for the team's shift and checks in on the spot
			click(waitOnPhone, "[data-testid=open-shifts]");
			click(waitOnPhone, "[data-testid=sign-up]");
			assertThat(visible(waitOnPhone, "[data-testid=signup-status]").getText()).isEqualTo("已报名");
			phone.executeCdpCommand("Browser.grantPermissions",
					Map.of("origin", url(""), "permissions", List.of("geolocation")));
			phone.executeCdpCommand("Emulation.setGeolocationOverride",
					Map.of("latitude", IN_DT01.latitude(), "longitude", IN_DT01.longitude(), "accuracy", 12));
			phone.get(url("/volunteer/check-in"));
			click(waitOnPhone, "[data-testid=check-in]");
			assertThat(visible(waitOnPhone, "[data-testid=on-patrol]").getText()).contains("巡逻中");
			assertAccessible(phone, "the new volunteer on patrol");
			keep(phone, "first-patrol");

			// the invitation is used: opening it again says so
			phone.get(url("/join/" + code));
			assertThat(visible(waitOnPhone, "[data-testid=join-closed]").getText()).contains("已经用过");
		}
		finally {
			phone.quit();
		}
		assertThat(this.jdbc.sql("""
				SELECT m.status FROM team_member m JOIN account a ON a.id = m.account_id
				WHERE m.team_id = ? AND a.phone = ?""").params(team.id(), neighbourPhone).query(String.class).single())
			.isEqualTo("ACTIVE");
	}

	@Test
	void theOfficeImportsItsRosterSeesTheWrongRowsAndAppliesTheRest() throws Exception {
		this.browser.manage().window().setSize(new Dimension(1280, 900));
		String good = Clients.uniquePhone();
		String other = Clients.uniquePhone();
		Path roster = Files.createTempFile("名单", ".csv");
		Files.writeString(roster, "\uFEFF姓名,手机号,队伍\n" + "黄慧兰," + good + ",七宝巡逻队\n" + "王小明,12-34,\n" + ",13900000095,\n"
				+ "周大爷," + other + ",\n" + "新人,13900000096,没有的队\n", StandardCharsets.UTF_8);
		try {
			signInInChinese(url(""), Clients.ADMINISTRATOR_PHONE, Clients.DEMO_PASSWORD);
			this.browser.get(url("/admin"));
			click("[data-testid=open-admin-invitations-roster]");
			visible("[data-testid=roster-file]").sendKeys(roster.toAbsolutePath().toString());
			click("[data-testid=roster-upload]");
			visible("[data-testid=roster-preview]");
			this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=roster-row]"), 5));
			assertThat(this.browser.findElements(By.cssSelector("[data-testid=roster-row][data-valid=false]"))).hasSize(3);
			assertThat(visible("[data-testid=roster-preview]").getText()).contains("这不是手机号").contains("姓名为空")
				.contains("本社区没有这个名字的队伍");
			assertAccessible("the roster preview");
			screenshot("roster-preview");
			click("[data-testid=roster-apply]");
			this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=roster-invitation]"), 2));
			assertThat(visible("[data-testid=roster-made]").getText()).contains("黄慧兰").contains("周大爷");
			assertAccessible("the roster's invitations");
		}
		finally {
			Files.deleteIfExists(roster);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM invitation WHERE phone IN (?, ?) AND roster_import_id IS NOT NULL")
			.params(good, other).query(Long.class).single()).isEqualTo(2);
	}

	private void createShift(String captainPhone, Team team, Grid grid, Instant start) {
		Clients.signedIn(this.port, captainPhone, PASSWORD)
			.document("""
					mutation($input: ShiftCreateInput!) { shiftCreate(input: $input) { shift { id } userErrors { code } } }""")
			.variable("input", Map.of("teamId", GlobalId.encode("Team", team.id()), "gridIds",
					List.of(GlobalId.encode("Grid", grid.id())), "startsAt", start.toString(), "endsAt",
					start.plus(Duration.ofHours(1)).toString(), "minPatrollers", 1, "maxPatrollers", 7))
			.execute()
			.path("shiftCreate.userErrors").entityList(Object.class).hasSize(0);
	}

	/** A phone-size screenshot of the resident's own phone, beside this test's others. */
	private void keep(ChromeDriver phone, String name) throws Exception {
		Path shots = Files.createDirectories(Path.of("target/screenshots"));
		Files.write(shots.resolve(getClass().getSimpleName() + "-" + name + ".png"), phone.getScreenshotAs(OutputType.BYTES));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
