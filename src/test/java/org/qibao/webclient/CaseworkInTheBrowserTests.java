package org.qibao.webclient;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident from a volunteer's phone to the grid worker's board, in phone-sized Chromium: the report
 * with a photo from the camera input, the case appearing on the open board as it happens, the grid
 * worker accepting and dispatching it, and the volunteer following it in "my reports". And a report
 * made without a connection, sent once the phone is back online, making one case.
 */
@QibaoTest
class CaseworkInTheBrowserTests extends BrowserTest {

	/** Inside grid DT-01 of the demo community Dongting. */
	private static final double LONGITUDE = 114.3530;

	private static final double LATITUDE = 30.5675;

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVolunteerReportsABrokenLampWithAPhotoAndTheGridWorkerAcceptsAndDispatchesItFromTheBoard() throws Exception {
		String volunteerPhone = person("孙阿姨", Role.VOLUNTEER, dongting());
		String gridWorkerPhone = person("周网格员", Role.GRID_WORKER, dt01());
		String description = "东亭路路灯杆倒了 " + System.nanoTime() % 1_000_000L;

		// the grid worker's board is open before the report is made
		ChromeDriver board = Browser.phone();
		try {
			WebDriverWait boardWait = new WebDriverWait(board, Duration.ofSeconds(20));
			signInInChinese(board, boardWait, url(""), gridWorkerPhone, Clients.DEMO_PASSWORD);
			board.get(url("/grid-worker"));
			click(boardWait, "[data-testid=open-case-board]");
			visible(boardWait, "[data-testid=filter-REPORTED]");
			assertAccessible(board, "the case board");

			// the volunteer reports from the home screen's large button
			signIn(volunteerPhone);
			here(this.browser);
			this.browser.get(url("/volunteer"));
			visible("[data-testid=card-volunteer-report]");
			assertAccessible("the volunteer home");
			click("[data-testid=open-report]");
			this.wait.until(d -> "found".equals(d.findElement(By.cssSelector("[data-testid=report-position]")).getAttribute("data-status")));
			chooseCategory("公共设施损坏");
			visible("[data-testid=report-description]").sendKeys(description);
			this.browser.findElement(By.cssSelector("[data-testid=photo-input]")).sendKeys(photo().toString());
			visible("[data-testid=report-photos] img");
			screenshot("report-filled");
			assertAccessible("the report screen");
			click("[data-testid=report-submit]");
			this.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=report-outcome]"), "data-outcome", "sent"));
			assertThat(visible("[data-testid=report-outcome]").getText()).contains("已发送");
			screenshot("report-sent");
			long caseKey = caseOf(description);
			assertThat(this.jdbc.sql("SELECT count(*) FROM case_photo WHERE case_id = ?").param(caseKey).query(Long.class).single())
				.isEqualTo(1);

			// it appears on the open board, with its reporter, grid and photo: live, or at the latest when the
			// board reads itself afresh (every 15 s), as in the whole suite a live update is sometimes not delivered
			WebElement item = new WebDriverWait(board, Duration.ofSeconds(40)).until(d -> d.findElements(By.cssSelector("[data-testid=board-case]"))
				.stream()
				.filter(e -> e.getText().contains(description))
				.findFirst()
				.orElse(null));
			assertThat(item.getAttribute("data-stage")).isEqualTo("REPORTED");
			assertThat(item.getText()).contains("孙阿姨").contains("DT-01").contains("公共设施损坏");
			boardWait.until(d -> item.findElements(By.cssSelector("img[data-testid=case-photo]")).size() == 1);
			assertThat(board.findElements(By.cssSelector("[data-testid=load-error]"))).isEmpty();
			shot(board, "board");
			assertAccessible(board, "the case board with a case");

			// the grid worker opens it, sees the photo and the map, accepts it and dispatches it to themselves
			board.executeScript("window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.error && e.error.stack || e.message)));"
					+ "window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));");
			item.findElement(By.cssSelector("[data-testid=open-case]")).click();
			assertThat(visible(boardWait, "[data-testid=case-description]").getText()).isEqualTo(description);
			visible(boardWait, "[data-testid=case-photos] img[data-testid=case-photo]");
			visible(boardWait, "[data-testid=live-map]");
			shot(board, "case-detail");
			assertAccessible(board, "a case's detail");
			click(boardWait, "[data-testid=case-accept]");
			stage(board, boardWait, "已立案");
			click(boardWait, "[data-testid=case-dispatch]");
			visible(boardWait, "[data-testid=dispatch-to]");
			visible(boardWait, "[data-testid=action-note]").sendKeys("今天下午处理");
			click(boardWait, "[data-testid=action-confirm]");
			stage(board, boardWait, "已派遣");
			assertThat(visible(boardWait, "[data-testid=case-handler]").getText()).isEqualTo("周网格员");
			assertThat(board.findElements(By.cssSelector("[data-testid=timeline-event]")).stream()
				.map(e -> e.getAttribute("data-kind"))).containsExactly("REPORTED", "ACCEPTED", "DISPATCHED");
			shot(board, "dispatched");
			assertAccessible(board, "a dispatched case");
		}
		finally {
			board.quit();
		}
		assertThat(this.jdbc.sql("SELECT stage FROM grid_case WHERE id = ?").param(caseOf(description)).query(String.class).single())
			.isEqualTo("DISPATCHED");

		// the volunteer follows it in "my reports": its stage, its clock, and what changed
		this.browser.get(url("/volunteer/reports"));
		WebElement mine = this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=my-report]"))
			.stream()
			.filter(e -> e.getText().contains(description))
			.findFirst()
			.orElse(null));
		assertThat(mine.findElement(By.cssSelector("[data-testid=my-report-stage]")).getText()).isEqualTo("已派遣");
		assertThat(mine.findElement(By.cssSelector("[data-testid=case-clock]")).getText()).startsWith("剩余");
		assertThat(visible("[data-testid=case-notifications]").getText()).contains("派遣");
		screenshot("my-reports");
		assertAccessible("my reports");
	}

	@Test
	void aReportMadeWithoutAConnectionIsSentOnceThePhoneIsBackOnline() throws Exception {
		String volunteerPhone = person("吴大爷", Role.VOLUNTEER, dongting());
		String description = "楼道里有人吵架 " + System.nanoTime() % 1_000_000L;
		signIn(volunteerPhone);
		here(this.browser);
		this.browser.get(url("/volunteer/report"));
		this.wait.until(d -> "found".equals(d.findElement(By.cssSelector("[data-testid=report-position]")).getAttribute("data-status")));
		visible("[data-testid=category]");

		offline(true);
		chooseCategory("邻里纠纷");
		visible("[data-testid=report-description]").sendKeys(description);
		this.browser.findElement(By.cssSelector("[data-testid=photo-input]")).sendKeys(photo().toString());
		click("[data-testid=report-submit]");
		this.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=report-outcome]"), "data-outcome", "queued"));
		assertThat(visible("[data-testid=report-outcome]").getText()).contains("没有网络");
		screenshot("report-queued");
		assertAccessible("the report screen, offline");
		assertThat(casesDescribed(description)).isZero();

		// the report waits on the phone, shown in "my reports"
		click("[data-testid=report-outcome] a");
		assertThat(visible("[data-testid=queued-report]").getText()).contains(description).contains("尚未发送");

		offline(false);
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=queued-report]"), 0));
		this.wait.until(d -> casesDescribed(description) == 1);
		long caseKey = caseOf(description);
		assertThat(this.jdbc.sql("SELECT count(*) FROM case_photo WHERE case_id = ?").param(caseKey).query(Long.class).single())
			.isEqualTo(1);
		this.browser.navigate().refresh();
		this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=my-report]")).stream()
			.anyMatch(e -> e.getText().contains(description) && e.getText().contains("已上报")));
		assertThat(casesDescribed(description)).isEqualTo(1);
		screenshot("queued-report-sent");
	}

	@Test
	void anAdministratorAddsACategoryIsToldWhenItsCodeIsTakenSeesTheCaseFiguresAndIssuesAnOpen311Key() throws Exception {
		String administratorPhone = person("钱书记", Role.ADMINISTRATOR, dongting());
		long n = System.nanoTime() % 1_000_000L;
		String code = "manhole-" + n;
		String name = "井盖缺失" + n;
		signIn(administratorPhone);
		this.browser.get(url("/admin"));
		click("[data-testid=open-case-categories]");
		this.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("[data-testid=category-item]"), 7));

		click("[data-testid=category-add]");
		fillCategory(name, "Missing manhole cover", code);
		click("[data-testid=category-save]");
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=categories-message]"), "类别已新增。"));
		WebElement added = this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=category-item]"))
			.stream()
			.filter(e -> e.getText().contains(name))
			.findFirst()
			.orElse(null));
		assertThat(added.getText()).contains("Missing manhole cover").contains(code);

		// the same service code again is refused in the administrator's language, and nothing is added
		click("[data-testid=category-add]");
		fillCategory("井盖松动", "Loose manhole cover", code);
		click("[data-testid=category-save]");
		this.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=categories-message]"), "role", "alert"));
		assertThat(visible("[data-testid=categories-message]").getText()).contains("服务代码");
		screenshot("categories-refused");
		assertAccessible("the categories editor");
		assertThat(this.jdbc.sql("SELECT count(*) FROM case_category WHERE service_code = ?").param(code)
			.query(Long.class).single()).isEqualTo(1);

		// retired again, so that volunteers' screens keep the demo's eight kinds
		added.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().equals("停用")).findFirst().orElseThrow().click();
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=categories-message]"),
				"类别已停用：不再接受新上报，旧案件保留。"));

		this.browser.get(url("/admin"));
		click("[data-testid=open-case-kpis]");
		WebElement table = visible("[data-testid=kpi-table]");
		assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(6);
		assertThat(this.browser.findElements(By.cssSelector("canvas[role=img][aria-label]"))).hasSize(2);
		screenshot("kpis");
		assertAccessible("the case figures");

		// a key for the city's case system, shown once, then revoked
		this.browser.get(url("/admin"));
		click("[data-testid=open-open311-keys]");
		visible("[data-testid=open311-label]").sendKeys("城管平台 " + n);
		click("[data-testid=open311-issue]");
		assertThat(visible("[data-testid=open311-issued] code").getText()).isNotBlank();
		WebElement key = this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=open311-key]"))
			.stream()
			.filter(e -> e.getText().contains("城管平台 " + n))
			.findFirst()
			.orElse(null));
		assertAccessible("the Open311 keys");
		key.findElement(By.cssSelector("button")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=open311-message]"), "已吊销"));
		screenshot("open311-keys");
	}

	private void fillCategory(String nameZh, String nameEn, String code) {
		for (Map.Entry<String, String> field : Map.of("nameZh", nameZh, "nameEn", nameEn, "serviceCode", code,
				"acceptWithinMinutes", "30", "resolveWithinMinutes", "600").entrySet()) {
			WebElement input = visible("form [data-testid=category-" + field.getKey() + "]");
			input.clear();
			input.sendKeys(field.getValue());
		}
	}

	/** Waits for the case to show this stage; failing that, says what the screen showed instead. */
	private static void stage(ChromeDriver driver, WebDriverWait wait, String stage) {
		try {
			wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=case-stage]"), stage));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("the case did not reach " + stage + "; the screen shows: "
					+ driver.executeScript("return document.body.innerText + ' | errors: ' + JSON.stringify(window.__errors || [])"), ex);
		}
	}

	private void chooseCategory(String name) {
		WebElement button = this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=category]"))
			.stream()
			.filter(e -> e.getText().equals(name))
			.findFirst()
			.orElse(null));
		button.click();
		assertThat(button.getAttribute("aria-pressed")).isEqualTo("true");
	}

	/** The phone's position, inside DT-01, allowed for the site. */
	private void here(ChromeDriver driver) {
		driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""), "permissions", List.of("geolocation")));
		driver.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", LATITUDE, "longitude", LONGITUDE, "accuracy", 10));
	}

	/** Cuts the phone off the network (and tells the page, as a phone does), or brings it back. */
	private void offline(boolean offline) {
		this.browser.executeCdpCommand("Network.enable", Map.of());
		this.browser.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	/** A photo as a phone's camera would save it: a JPEG of a street scene, more or less. */
	private static Path photo() throws IOException {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(120, 160, 200));
		g.fillRect(0, 0, 640, 300);
		g.setColor(new Color(90, 90, 90));
		g.fillRect(0, 300, 640, 180);
		g.setColor(new Color(40, 40, 40));
		g.fillRect(300, 120, 18, 260);
		g.dispose();
		Path file = Files.createTempFile("lamp", ".jpg");
		ImageIO.write(image, "jpg", file.toFile());
		file.toFile().deleteOnExit();
		return file;
	}

	private long caseOf(String description) {
		return this.jdbc.sql("SELECT id FROM grid_case WHERE description = ?").param(description).query(Long.class).single();
	}

	private long casesDescribed(String description) {
		return this.jdbc.sql("SELECT count(*) FROM grid_case WHERE description = ?").param(description).query(Long.class).single();
	}

	private long dongting() {
		return this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
	}

	private long dt01() {
		return this.jdbc.sql("SELECT id FROM grid WHERE code = 'DT-01' AND community_id = ?").param(dongting())
			.query(Long.class).single();
	}

	private String person(String name, Role role, long scope) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, name, Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), role, scope);
		return phone;
	}

	private void signIn(String phone) {
		signInInChinese(url(""), phone, Clients.DEMO_PASSWORD);
	}

	private static void shot(ChromeDriver driver, String name) throws IOException {
		Path shots = Files.createDirectories(Path.of("target/screenshots"));
		Files.write(shots.resolve(CaseworkInTheBrowserTests.class.getSimpleName() + "-" + name + ".png"),
				driver.getScreenshotAs(OutputType.BYTES));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
