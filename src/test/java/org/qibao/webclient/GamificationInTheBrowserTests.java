package org.qibao.webclient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.AttendanceVerified;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gamification in a real (headless) Chromium at phone size, joined to the real server: a verified patrol
 * published as patrol publishes it earns points, a level and a badge that the volunteer sees, and prints
 * on the service certificate; the captain sees the member on the team page; the administrator adds a badge.
 */
@QibaoTest
class GamificationInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Teams teams;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVolunteerWithAVerifiedPatrolSeesTheirPointsLevelBadgeAndCertificate() throws Exception {
		long dongting = dongting();
		Team team = this.teams.create(dongting, "银杏队" + System.nanoTime() % 100_000, List.of());
		String phone = Clients.uniquePhone();
		Account volunteer = this.accounts.register(phone, "陈阿姨", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(volunteer.id(), Role.VOLUNTEER, dongting);
		this.teams.addMember(team.id(), volunteer.id());
		patrolled(volunteer, dongting, team, 110);
		int points = awaitPoints(volunteer.id());
		assertThat(points).as("110 verified minutes and the checkpoints visited").isGreaterThanOrEqualTo(110);

		String goal = "本月巡逻" + System.nanoTime() % 1000 + "小时";
		setGoal(dongting, goal);

		signInInChinese("http://localhost:" + this.port, phone, Clients.DEMO_PASSWORD);
		visible("[data-testid=community-goal]");
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=community-goal]")))
			.anySatisfy(bar -> assertThat(bar.getText()).contains(goal, "目标 500 小时"));
		assertThat(visible("[data-testid=card-level]").getText()).isEqualTo("第 1 级 · 新手巡逻员");
		assertThat(visible("[data-testid=card-points]").getText()).isEqualTo("共 " + points + " 分");
		assertAccessible("the volunteer home");
		scrollTo("[data-testid=card-volunteer-badges]");
		screenshot("volunteer-home");

		click("[data-testid=open-achievements]");
		assertThat(visible("[data-testid=my-points]").getAttribute("data-points")).isEqualTo(String.valueOf(points));
		assertThat(visible("[data-testid=level-progress]").getAttribute("aria-valuetext"))
			.isEqualTo("再得 " + (600 - points) + " 分，升到“巡逻员”");
		WebElement firstPatrol = visible("[data-testid=earned-badge][data-key=first-patrol]");
		WebElement medal = firstPatrol.findElement(By.cssSelector("[data-testid=badge-icon]"));
		assertThat(medal.getAttribute("role")).isEqualTo("img");
		assertThat(medal.getAttribute("aria-label")).as("the badge's text alternative").isEqualTo("第一次巡逻");
		assertThat(visible("[data-testid=next-badge][data-key=hours-10]").getText()).contains("巡逻10小时", "已完成 1 小时 50 分钟，需要 10 小时");
		assertThat(visible("[data-testid=streak-weeks]").getAttribute("data-weeks")).isEqualTo("1");
		assertThat(visible("[data-testid=streak-this-week]").getText()).isEqualTo("本周已经巡逻过了 ✓");
		assertThat(visible("[data-testid=rank-ALL_TIME-COMMUNITY]").getText()).matches("\\d+/\\d+");
		this.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=points-entry][data-source=PATROL]")).isEmpty());
		assertThat(visible("[data-testid=points-entry][data-source=PATROL]").getText()).contains("巡逻（已核实）", "+110 分");
		assertAccessible("my achievements");
		screenshot("achievements");
		scrollTo("[data-testid=badges-section]");
		screenshot("achievements-badges");
		scrollTo("[data-testid=ranks-section]");
		screenshot("achievements-ranks");

		click("[data-testid=lang-en]");
		this.wait.until(d -> "Level 1 · Newcomer".equals(d.findElement(By.cssSelector("[data-testid=my-level]")).getText()));
		assertThat(visible("[data-testid=earned-badge][data-key=first-patrol] [data-testid=badge-icon]").getAttribute("aria-label"))
			.isEqualTo("First patrol");
		assertAccessible("my achievements in English");
		screenshot("achievements-en");
		click("[data-testid=lang-zh-CN]");

		click("[data-testid=name-hide-on]");
		assertThat(visible("[data-testid=name-hide-message]").getText()).contains("已隐藏");
		assertThat(this.browser.findElement(By.cssSelector("[data-testid=name-hide-on]")).getAttribute("aria-pressed")).isEqualTo("true");

		click("[data-testid=open-certificate]");
		assertThat(visible("[data-testid=certificate-statement]").getText())
			.contains("陈阿姨", "东亭社区", "累计服务时长 1.8 小时");
		assertThat(visible("[data-testid=certificate-line]").getText()).contains(team.name(), "东亭社区", "1", "1.8");
		assertAccessible("the service certificate");
		screenshot("certificate");
		PrintOptions a4 = new PrintOptions();
		a4.setPageSize(new PageSize(29.7, 21.0));
		byte[] printed = Base64.getDecoder().decode(this.browser.print(a4).getContent());
		Files.write(Files.createDirectories(Path.of("target/screenshots")).resolve(getClass().getSimpleName() + "-certificate.pdf"), printed);
		assertThat(pages(printed)).as("the certificate prints on one A4 page").isEqualTo(1);
		this.browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		assertThat(this.browser.findElement(By.cssSelector("[data-testid=certificate-print]")).isDisplayed()).as("no button on paper").isFalse();
		screenshot("certificate-as-printed");
	}

	@Test
	void theAdministratorAddsABadgeAndSeesTheServersRefusalBesideTheField() throws Exception {
		String key = "rain-" + System.nanoTime() % 1_000_000;
		signInInChinese("http://localhost:" + this.port, Clients.ADMINISTRATOR_PHONE, Clients.DEMO_PASSWORD);
		this.browser.get("http://localhost:" + this.port + "/admin");
		assertAccessible("the administrator home");
		click("[data-testid=open-admin-badges]");
		visible("[data-testid=admin-badge][data-key=first-patrol]");
		click("[data-testid=badge-add-open]");
		visible("[data-testid=badge-key]").sendKeys(key);
		visible("[data-testid=badge-nameZhCN]").sendKeys("风雨无阻");
		visible("[data-testid=badge-nameEn]").sendKeys("All weathers");
		visible("[data-testid=badge-descriptionZhCN]").sendKeys("一个月里巡逻十二次。");
		visible("[data-testid=badge-descriptionEn]").sendKeys("Twelve patrols in one month.");
		new Select(visible("[data-testid=badge-metric]")).selectByValue("PATROLS");
		new Select(visible("[data-testid=badge-window]")).selectByValue("CALENDAR_MONTH");
		visible("[data-testid=badge-threshold]").sendKeys("-3");
		click("[data-testid=badge-save]");
		WebElement refusal = visible("[data-testid='error-rule.threshold']");
		assertThat(refusal.getText()).isNotBlank();
		assertThat(visible("[data-testid=badge-threshold]").getAttribute("aria-invalid")).isEqualTo("true");
		assertAccessible("the badge form with a refusal");
		screenshot("badge-refused");
		assertThat(badges(key)).as("nothing added while refused").isZero();

		visible("[data-testid=badge-threshold]").clear();
		visible("[data-testid=badge-threshold]").sendKeys("12");
		click("[data-testid=badge-save]");
		assertThat(visible("[data-testid=badges-message]").getText()).contains("风雨无阻");
		WebElement added = visible("[data-testid=admin-badge][data-key=" + key + "]");
		assertThat(added.getText()).contains("风雨无阻 · All weathers", "核实的巡逻次数达到 12（一个月之内）");
		assertThat(badges(key)).isEqualTo(1);
		assertAccessible("the badges");
		screenshot("badge-added");

		this.browser.get("http://localhost:" + this.port + "/admin/levels");
		assertThat(visible("#level-0-threshold").getAttribute("value")).isEqualTo("0");
		visible("#level-1-threshold").clear();
		visible("#level-1-threshold").sendKeys("0");
		click("[data-testid=levels-save]");
		assertThat(visible("[data-testid=levels-form] [role=alert]").getText()).as("thresholds must rise").isNotBlank();
		assertThat(this.jdbc.sql("SELECT count(*) FROM gamification_level WHERE threshold = 600").query(Integer.class).single())
			.as("the ladder unchanged").isPositive();
		assertAccessible("the levels editor");
		screenshot("levels");

		this.browser.get("http://localhost:" + this.port + "/admin/goals");
		String title = "本月巡逻" + System.nanoTime() % 1000 + "次";
		new Select(visible("[data-testid=goal-metric]")).selectByValue("PATROLS");
		visible("[data-testid=goal-target]").sendKeys("0");
		visible("[data-testid=goal-titleZhCN]").sendKeys(title);
		visible("[data-testid=goal-titleEn]").sendKeys("Patrols this month");
		click("[data-testid=goal-save]");
		assertThat(visible("[data-testid=error-target]").getText()).as("the server's refusal, by its field").isNotBlank();
		visible("[data-testid=goal-target]").clear();
		visible("[data-testid=goal-target]").sendKeys("400");
		click("[data-testid=goal-save]");
		visible("[data-testid=goal-saved]");
		this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=community-goal]")).stream()
			.anyMatch(goal -> goal.getText().contains(title) && goal.getText().contains("目标 400")));
		assertAccessible("the goals editor");
		screenshot("goals");
	}

	@Test
	void theCaptainSeesTheTeamsPlaceAndAMembersPointsAndPausesTheirStreak() throws Exception {
		long dongting = dongting();
		Team team = this.teams.create(dongting, "银杏队" + System.nanoTime() % 100_000, List.of());
		String captainPhone = Clients.uniquePhone();
		Account captain = this.accounts.register(captainPhone, "周队长", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(captain.id(), Role.CAPTAIN, team.id());
		Account member = this.accounts.register(Clients.uniquePhone(), "王奶奶", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(member.id(), Role.VOLUNTEER, dongting);
		this.teams.addMember(team.id(), member.id());
		patrolled(member, dongting, team, 45);
		int points = awaitPoints(member.id());

		signInInChinese("http://localhost:" + this.port, captainPhone, Clients.DEMO_PASSWORD);
		assertAccessible("the captain home");
		click("[data-testid=open-captain-team]");
		assertThat(visible("[data-testid=team-place]").getText()).startsWith("在东亭社区排第 ").contains(points + " 分");
		WebElement row = visible("[data-testid=team-member]");
		assertThat(row.getText()).contains("王奶奶", points + " 分 · 社区第 ");
		row.findElement(By.cssSelector("[data-testid=streak-pause-open]")).click();
		click("[data-testid=streak-pause-submit]");
		assertThat(visible("[data-testid=streak-pause-form] .field-error").getText()).as("a day is needed").isNotBlank();
		type("[data-testid=streak-pause-from]", "2026-12-01");
		type("[data-testid=streak-pause-until]", "2026-12-20");
		visible("[data-testid=streak-pause-reason]").sendKeys("住院");
		click("[data-testid=streak-pause-submit]");
		assertThat(visible("[data-testid=team-message]").getText()).contains("王奶奶", "2026-12-01", "2026-12-20");
		assertAccessible("the team page with a pause set");
		screenshot("team");
	}

	@Test
	void theGridWorkerSeesTheGridsLocalLegendAndTheCommunitysGoal() throws Exception {
		long dongting = dongting();
		long dt01 = this.jdbc.sql("SELECT id FROM grid WHERE code = 'DT-01'").query(Long.class).single();
		Team team = this.teams.create(dongting, "银杏队" + System.nanoTime() % 100_000, List.of(dt01));
		Account legend = this.accounts.register(Clients.uniquePhone(), "肖建国", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(legend.id(), Role.VOLUNTEER, dongting);
		this.teams.addMember(team.id(), legend.id());
		Instant out = Instant.now().minus(Duration.ofHours(1));
		Instant in = out.minus(Duration.ofHours(20));
		AttendanceVerified verified = new AttendanceVerified(System.currentTimeMillis() * 1000 + 19, legend.id(), dongting, 1200, out,
				null, new AttendanceVerified.Patrol(team.id(), List.of(dt01), in, in, out, 0, null));
		this.transaction.executeWithoutResult(status -> this.events.publishEvent(verified));
		awaitPoints(legend.id());
		String goal = "本月巡逻" + System.nanoTime() % 1000 + "小时";
		setGoal(dongting, goal);

		signInInChinese("http://localhost:" + this.port, "13900000002", Clients.DEMO_PASSWORD);
		click("[data-testid=role-tab-GRID_WORKER]");
		assertThat(visible("[data-testid=local-legend]").getText()).contains("肖建国", "最近 90 天巡逻 20 小时");
		visible("[data-testid=card-gridworker-goals]");
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=card-gridworker-goals] [data-testid=community-goal]")))
			.anySatisfy(bar -> assertThat(bar.getText()).contains(goal, "目标 500 小时"));
		assertAccessible("the grid worker home");
		scrollTo("[data-testid=card-local-legend]");
		screenshot("grid-worker-home");
	}

	/** Brings an element to the top of the phone's screen, for the screenshot. */
	private void scrollTo(String css) {
		this.browser.executeScript("arguments[0].scrollIntoView({ block: 'start' })", visible(css));
	}

	/** Fills a date field as a person picking the day would, whatever the browser's date format. */
	private void type(String css, String value) {
		this.browser.executeScript("""
				const input = arguments[0];
				Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, arguments[1]);
				input.dispatchEvent(new Event('input', { bubbles: true }));
				""", visible(css), value);
	}

	/** The administrator sets this month's goal through the API. */
	private void setGoal(long community, String title) {
		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
		Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE)
			.document("mutation($i: CommunityGoalSetInput!) { communityGoalSet(input: $i) { userErrors { code } } }")
			.variable("i", Map.of("communityId", GlobalId.encode("Community", community), "month", month,
					"metric", "VERIFIED_PATROL_MINUTES", "target", 30000, "titleZhCN", title, "titleEn", "Patrol hours"))
			.execute()
			.path("communityGoalSet.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/** The pages of a PDF as Chromium writes it: one page object each. */
	private static int pages(byte[] pdf) {
		return Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1)).results().mapToInt(m -> 1).sum();
	}

	private long dongting() {
		return this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
	}

	private int badges(String key) {
		return this.jdbc.sql("SELECT count(*) FROM badge WHERE key = ?").param(key).query(Integer.class).single();
	}

	/** A patrol of {@code minutes} that ended an hour ago, verified, as patrol announces it. */
	private void patrolled(Account volunteer, long community, Team team, int minutes) {
		Instant out = Instant.now().minus(Duration.ofHours(1));
		Instant in = out.minus(Duration.ofMinutes(minutes));
		AttendanceVerified verified = new AttendanceVerified(System.currentTimeMillis() * 1000 + 17, volunteer.id(), community,
				minutes, out, null, new AttendanceVerified.Patrol(team.id(), List.of(), in, in, out, 2, null));
		this.transaction.executeWithoutResult(status -> this.events.publishEvent(verified));
	}

	/** The volunteer's points once the patrol's have arrived. */
	private int awaitPoints(long account) {
		Instant deadline = Instant.now().plusSeconds(15);
		while (true) {
			int points = this.jdbc.sql("SELECT coalesce(sum(points), 0) FROM points_entry WHERE account_id = ?")
				.param(account)
				.query(Integer.class)
				.single();
			if (points > 0) {
				return points;
			}
			assertThat(Instant.now()).as("the patrol's points arrive").isBefore(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return 0;
			}
		}
	}

}
