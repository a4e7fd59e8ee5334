package org.qibao.webclient;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.AttendanceVerified;
import org.qibao.timebank.TimeBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two administrators correct a volunteer's passbook in real (headless) Chromium: one asks for an
 * adjustment above the threshold, the other approves it, and the volunteer sees it with its
 * reason; the earning policy and the school's courses are edited on their screens.
 */
@QibaoTest
class LedgerCorrectionsInTheBrowserTests extends BrowserTest {

	private static final Dimension DESKTOP = new Dimension(1280, 900);

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	TimeBank timeBank;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdjustmentAboveTheThresholdIsApprovedByASecondAdministratorAndShownToTheVolunteer() throws Exception {
		long dongting = this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		String volunteerPhone = Clients.uniquePhone();
		Account volunteer = this.accounts.register(volunteerPhone, "钱阿婆", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(volunteer.id(), Role.VOLUNTEER, dongting);
		this.timeBank.creditPatrol(new AttendanceVerified(System.currentTimeMillis() * 1000 + 13, volunteer.id(), dongting, 30,
				Instant.now(), null));
		// the demo has one administrator: the second one is appointed here
		String secondPhone = Clients.uniquePhone();
		Account second = this.accounts.register(secondPhone, "孙副书记", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(second.id(), Role.ADMINISTRATOR, dongting);
		String reason = "补记三月的巡逻 " + System.nanoTime() % 10_000;

		signInInChinese(origin(), Clients.ADMINISTRATOR_PHONE, Clients.DEMO_PASSWORD);
		this.browser.manage().window().setSize(DESKTOP);
		this.browser.get(origin() + "/admin");
		click("[data-testid=open-ledger-corrections]");
		visible("[data-testid=correction-phone]").sendKeys(volunteerPhone);
		click("[data-testid=correction-find]");
		this.wait.until(d -> "30".equals(d.findElement(By.cssSelector("[data-testid=corrected-balance]")).getAttribute("data-minutes")));
		assertAccessible("a volunteer's passbook on the corrections screen");
		new org.openqa.selenium.support.ui.Select(visible("[data-testid=adjust-direction]")).selectByValue("CREDIT");
		visible("[data-testid=adjust-minutes]").sendKeys("150");
		visible("[data-testid=adjust-reason]").sendKeys(reason);
		click("[data-testid=adjust-submit]");
		assertThat(visible("[data-testid=adjust-message]").getText()).contains("另一位管理员");
		WebElement mine = pending(this.wait, reason);
		assertThat(mine.getText()).contains("这是您提出的").contains("+150");
		assertThat(mine.findElements(By.cssSelector("[data-testid=pending-approve]"))).isEmpty();
		assertAccessible("the corrections screen with a pending correction");
		screenshot("pending");

		ChromeDriver other = Browser.phone();
		try {
			WebDriverWait otherWait = new WebDriverWait(other, Duration.ofSeconds(20));
			signInInChinese(other, otherWait, origin(), secondPhone, Clients.DEMO_PASSWORD);
			other.manage().window().setSize(DESKTOP);
			other.get(origin() + "/admin/time-bank/corrections");
			pending(otherWait, reason).findElement(By.cssSelector("[data-testid=pending-approve]")).click();
			assertThat(visible(otherWait, "[data-testid=pending-message]").getText()).contains("已批准");
			otherWait.until(d -> d.findElements(By.xpath("//*[@data-testid='pending-correction'][contains(., '" + reason + "')]")).isEmpty());
			assertAccessible(other, "the corrections screen after an approval");
		}
		finally {
			other.quit();
		}

		ChromeDriver volunteerBrowser = Browser.phone();
		try {
			WebDriverWait volunteerWait = new WebDriverWait(volunteerBrowser, Duration.ofSeconds(20));
			signInInChinese(volunteerBrowser, volunteerWait, origin(), volunteerPhone, Clients.DEMO_PASSWORD);
			volunteerBrowser.get(origin() + "/volunteer/passbook");
			volunteerWait.until(d -> "180".equals(d.findElement(By.cssSelector("[data-testid=passbook-balance]")).getAttribute("data-minutes")));
			WebElement latest = visible(volunteerWait, "[data-testid=passbook-entry]");
			assertThat(latest.getAttribute("data-kind")).isEqualTo("ADJUSTMENT");
			assertThat(latest.getText()).contains("更正", "原因：" + reason, "+2 小时 30 分钟");
			assertAccessible(volunteerBrowser, "the volunteer's passbook with a correction");
		}
		finally {
			volunteerBrowser.quit();
		}
	}

	@Test
	void anAdministratorSavesTheEarningPolicyAndAddsASchoolCourse() throws Exception {
		signInInChinese(origin(), Clients.ADMINISTRATOR_PHONE, Clients.DEMO_PASSWORD);
		this.browser.manage().window().setSize(DESKTOP);
		this.browser.get(origin() + "/admin");
		click("[data-testid=open-time-bank-policy]");
		WebElement threshold = visible("[data-testid=policy-correctionApprovalThreshold]");
		this.wait.until(d -> !threshold.getAttribute("value").isEmpty());
		assertAccessible("the earning policy screen");
		threshold.clear();
		threshold.sendKeys("两小时");
		click("[data-testid=policy-save]");
		assertThat(visible("[data-testid=policy-message]").getText()).contains("整分钟");
		threshold.clear();
		// the demo community's threshold stays as the other tests expect it
		threshold.sendKeys("120");
		click("[data-testid=policy-save]");
		this.wait.until(d -> d.findElement(By.cssSelector("[data-testid=policy-message]")).getText().contains("已保存"));
		screenshot("policy");

		this.browser.get(origin() + "/admin/time-bank/courses");
		String title = "插花 " + System.nanoTime() % 10_000;
		visible("[data-testid=course-title]").sendKeys(title);
		this.browser.executeScript("""
				const field = arguments[0];
				Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(field, arguments[1]);
				field.dispatchEvent(new Event('input', { bubbles: true }));""",
				visible("[data-testid=course-starts]"), "2030-05-20T19:00");
		visible("[data-testid=course-seats]").sendKeys("12");
		visible("[data-testid=course-price]").sendKeys("60");
		click("[data-testid=course-create]");
		assertThat(visible("[data-testid=course-message]").getText()).contains(title);
		this.wait.until(d -> d.findElements(By.xpath("//*[@data-testid='admin-course'][contains(., '" + title + "')]")).size() == 1);
		assertAccessible("the school courses screen");
		screenshot("courses");
	}

	private WebElement pending(WebDriverWait wait, String reason) {
		return wait.until(d -> d.findElements(By.cssSelector("[data-testid=pending-correction]"))
			.stream()
			.filter(e -> e.getText().contains(reason))
			.findFirst()
			.orElse(null));
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

}
