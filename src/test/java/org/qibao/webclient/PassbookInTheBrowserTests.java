package org.qibao.webclient;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.AttendanceVerified;
import org.qibao.timebank.Course;
import org.qibao.timebank.Courses;
import org.qibao.timebank.TimeBank;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A volunteer's passbook in a real (headless) Chromium, after a verified patrol and a course enrolment. */
@QibaoTest
class PassbookInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Courses courses;

	@Autowired
	TimeBank timeBank;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVolunteerSeesTheirPatrolAndTheirEnrolmentInThePassbook() {
		long dongting = this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		long school = this.jdbc.sql("SELECT id FROM school WHERE community_id = ?").param(dongting).query(Long.class).single();
		String phone = Clients.uniquePhone();
		Account volunteer = this.accounts.register(phone, "陈阿姨", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(volunteer.id(), Role.VOLUNTEER, dongting);
		AttendanceVerified patrol = new AttendanceVerified(System.currentTimeMillis() * 1000 + 7, volunteer.id(), dongting, 110,
				Instant.now(), null);
		this.transaction.executeWithoutResult(status -> this.events.publishEvent(patrol));
		String title = "太极扇 " + System.nanoTime() % 100_000;
		Course course = this.courses.create(school, title, Instant.now().plus(Duration.ofDays(3)), 10, 45);
		awaitBalance(dongting, volunteer.id(), 110);

		this.browser.get("http://localhost:" + this.port + "/login");
		click("[data-testid=lang-zh-CN]");
		this.wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone"))).sendKeys(phone);
		this.browser.findElement(By.id("password")).sendKeys(Clients.DEMO_PASSWORD);
		this.browser.findElement(By.cssSelector("[data-testid=login-submit]")).click();
		assertThat(visible("[data-testid=card-passbook-balance]").getText()).contains("1 小时 50 分钟");
		assertAccessible("the volunteer's home");

		click("[data-testid=open-school]");
		WebElement card = visible("[data-testid=course][data-title='" + title + "']");
		card.findElement(By.cssSelector("[data-testid=course-enrol]")).click();
		assertThat(visible("[data-testid=school-message]").getText()).contains(title);
		assertAccessible("the community school");
		this.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=course][data-title='" + title + "'] [data-testid=course-enrolled]")).isEmpty());

		this.browser.get("http://localhost:" + this.port + "/volunteer/passbook");
		this.wait.until(d -> "65".equals(d.findElement(By.cssSelector("[data-testid=passbook-balance]")).getAttribute("data-minutes")));
		assertThat(visible("[data-testid=passbook-balance]").getText()).isEqualTo("1 小时 5 分钟");
		assertAccessible("the passbook");
		this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=passbook-entry]")).size() == 2);
		List<WebElement> entries = this.browser.findElements(By.cssSelector("[data-testid=passbook-entry]"));
		assertThat(entries.get(0).getAttribute("data-kind")).isEqualTo("SCHOOL_ENROLMENT");
		assertThat(entries.get(0).getText()).contains("社区学校课程", "东亭社区学校", "45 分钟", "余额 1 小时 5 分钟");
		assertThat(entries.get(1).getAttribute("data-kind")).isEqualTo("PATROL_EARNING");
		assertThat(entries.get(1).getText()).contains("巡逻", "东亭社区", "+1 小时 50 分钟");

		click("[data-testid=passbook-print]");
		WebElement printed = visible("[data-testid=passbook-print-page]");
		assertThat(printed.getText()).contains("陈阿姨", "巡逻 · 东亭社区", "110", "45", "65");
		assertThat(course.seats()).isEqualTo(10);
	}

	@Test
	void aVolunteerGivesMinutesToANeighbourAndTheAdministratorSeesTheLedgerSound() {
		long dongting = this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		String giverPhone = Clients.uniquePhone();
		Account giver = this.accounts.register(giverPhone, "王奶奶", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(giver.id(), Role.VOLUNTEER, dongting);
		String neighbourPhone = Clients.uniquePhone();
		Account neighbour = this.accounts.register(neighbourPhone, "赵爷爷", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(neighbour.id(), Role.VOLUNTEER, dongting);
		this.timeBank.creditPatrol(new AttendanceVerified(System.currentTimeMillis() * 1000 + 11, giver.id(), dongting, 90,
				Instant.now(), null));

		signIn(giverPhone);
		click("[data-testid=open-gift]");
		visible("#gift-phone").sendKeys(neighbourPhone);
		visible("#gift-minutes").sendKeys("200");
		click("[data-testid=gift-submit]");
		assertThat(visible("[data-testid=gift-message]").getText()).as("over the limit per gift").contains("120");
		assertAccessible("a gift refused");
		visible("#gift-minutes").clear();
		visible("#gift-minutes").sendKeys("30");
		click("[data-testid=gift-submit]");
		this.wait.until(d -> d.findElement(By.cssSelector("[data-testid=gift-message]")).getText().contains("赵爷爷"));
		assertThat(this.timeBank.passbook(dongting, neighbour.id()).balance()).isEqualTo(30);
		assertThat(this.timeBank.passbook(dongting, giver.id()).balance()).isEqualTo(60);
	}

	@Test
	void theAdministratorSeesTheCommunitysMinutesAndASoundLedger() {
		signIn(Clients.ADMINISTRATOR_PHONE);
		this.browser.get("http://localhost:" + this.port + "/admin");
		click("[data-testid=open-ledger-overview]");
		assertThat(visible("[data-testid=ledger-health]").getText()).contains("账本无误");
		assertThat(visible("[data-testid=overview-months]").getText()).contains(java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
		int issued = Integer.parseInt(visible("[data-testid=overview-issued]").getText());
		int spent = Integer.parseInt(visible("[data-testid=overview-spent]").getText());
		assertThat(Integer.parseInt(visible("[data-testid=overview-outstanding]").getText())).isEqualTo(issued - spent);
		assertAccessible("the administrator's time bank");
	}

	private void signIn(String phone) {
		signInInChinese("http://localhost:" + this.port, phone, Clients.DEMO_PASSWORD);
	}

	private void awaitBalance(long community, long account, long minutes) {
		Instant deadline = Instant.now().plusSeconds(15);
		while (this.timeBank.passbook(community, account).balance() != minutes) {
			assertThat(Instant.now()).as("the patrol credit arrives").isBefore(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
