package org.qibao.webclient;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
 * Account care on a phone: a captain resets a member's password with a code the member types on
 * the sign-in screen; a grid worker lands on the grid worker's area; a person changes their
 * password, looks at and downloads their data, and deletes it.
 */
@QibaoTest
class AccountCareInTheBrowserTests extends BrowserTest {

	private static final String PASSWORD = "first password 1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCaptainResetsAMembersPasswordAndTheMemberSignsInWithTheCode() throws Exception {
		long community = this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		long team = this.jdbc.sql("INSERT INTO team (community_id, name) VALUES (?, ?) RETURNING id")
			.params(community, "重置队" + System.nanoTime() % 100000).query(Long.class).single();
		String captainPhone = Clients.uniquePhone();
		Account captain = this.accounts.register(captainPhone, "张队长", PASSWORD, "zh-CN");
		this.accounts.grant(captain.id(), Role.CAPTAIN, team);
		String memberPhone = Clients.uniquePhone();
		Account member = this.accounts.register(memberPhone, "刘阿姨", PASSWORD, "zh-CN");
		this.accounts.grant(member.id(), Role.VOLUNTEER, community);
		this.jdbc.sql("INSERT INTO team_member (team_id, account_id) VALUES (?, ?)").params(team, member.id()).update();

		signInInChinese(origin(), captainPhone, PASSWORD);
		this.browser.get(origin() + "/captain/members");
		WebElement row = this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=member]")).stream()
			.filter(r -> r.getText().contains("刘阿姨")).findFirst().orElse(null));
		row.findElement(By.cssSelector("[data-testid=reset-password]")).click();
		String code = visible("[data-testid=reset-code]").getText().replace(" ", "");
		assertThat(code).hasSize(8);
		screenshot("reset-code");
		assertAccessible("the captain's members with a reset code");

		this.browser.get(origin() + "/");
		click("[data-testid=sign-out]");
		click("[data-testid=have-reset-code]");
		assertAccessible("setting a new password with a reset code");
		visible("#reset-sign-in-phone").sendKeys(memberPhone);
		this.browser.findElement(By.id("reset-sign-in-code")).sendKeys("WRONG234");
		this.browser.findElement(By.id("reset-sign-in-new")).sendKeys("second password 2");
		this.browser.findElement(By.id("reset-sign-in-repeat")).sendKeys("second password 2");
		click("[data-testid=reset-sign-in-submit]");
		assertThat(visible("[data-testid=reset-sign-in-error]").getText()).contains("重置码与手机号不符");
		assertAccessible("a wrong reset code");
		this.browser.findElement(By.id("reset-sign-in-code")).clear();
		this.browser.findElement(By.id("reset-sign-in-code")).sendKeys(code.toLowerCase());
		click("[data-testid=reset-sign-in-submit]");
		assertThat(visible("[data-testid=home-greeting]").getText()).contains("刘阿姨");
		assertThat(Clients.token(this.port, memberPhone, "second password 2")).isNotBlank();
	}

	@Test
	void aGridWorkerLandsOnTheGridWorkersArea() {
		signInInChinese(origin(), "13900000002", Clients.DEMO_PASSWORD);
		this.wait.until(d -> d.getCurrentUrl().endsWith("/grid-worker"));
		visible("[data-testid=role-tab-VOLUNTEER]");
		assertAccessible("the grid worker's home after signing in");
	}

	@Test
	void aPersonChangesTheirPasswordDownloadsTheirDataAndDeletesIt() throws Exception {
		String phone = Clients.uniquePhone();
		Account person = this.accounts.register(phone, "陈大爷", PASSWORD, "zh-CN");
		this.accounts.grant(person.id(), Role.VOLUNTEER,
				this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single());
		signInInChinese(origin(), phone, PASSWORD);
		click("[data-testid=open-account]");
		visible("#current-password").sendKeys(PASSWORD);
		this.browser.findElement(By.id("new-password")).sendKeys("second password 2");
		this.browser.findElement(By.id("repeat-password")).sendKeys("second password 2");
		click("[data-testid=password-submit]");
		visible("[data-testid=password-changed]");

		assertThat(visible("[data-testid=my-data-account]").getText()).isEqualTo("1");
		assertThat(visible("[data-testid=my-data-roles]").getText()).isEqualTo("1");
		click("[data-testid=my-data-download]");
		Object file = this.browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/my-data.json', { headers: { Authorization: 'Bearer ' + localStorage.getItem('qibao.token') } })
				  .then((r) => r.text()).then(done, (e) => done(String(e)));""");
		assertThat((String) file).contains(phone, "陈大爷");
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=my-data] .problem"))).isEmpty();
		assertAccessible("my account with my data");

		click("[data-testid=delete-open]");
		assertThat(visible("[data-testid=delete-consequences]").getText()).contains("存折", "上报的问题");
		visible("#delete-password").sendKeys("second password 2");
		screenshot("delete-confirmation");
		assertAccessible("deleting my data");
		click("[data-testid=delete-submit]");
		visible("#phone");
		assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE id = ? AND (phone = ? OR display_name = '陈大爷')").params(person.id(), phone)
			.query(Long.class).single()).isZero();
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

}
