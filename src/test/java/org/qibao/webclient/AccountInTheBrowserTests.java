package org.qibao.webclient;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** A person changes their password and signs out everywhere from their account screen; sign-out ends the token. */
@QibaoTest
class AccountInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void aPersonChangesTheirPasswordAndTheOtherPhoneIsSignedOut() throws Exception {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "王秀英", "first password 1", "zh-CN");
		String otherPhone = Clients.token(this.port, phone, "first password 1");
		signInInChinese(origin(), phone, "first password 1");
		click("[data-testid=open-account]");

		visible("#current-password").sendKeys("not my password");
		this.browser.findElement(By.id("new-password")).sendKeys("second password 2");
		this.browser.findElement(By.id("repeat-password")).sendKeys("second password 2");
		click("[data-testid=password-submit]");
		assertThat(visible("[data-testid=password-error]").getText()).isEqualTo("当前密码不正确。");
		assertAccessible("a password change refused");

		this.browser.findElement(By.id("current-password")).clear();
		this.browser.findElement(By.id("current-password")).sendKeys("first password 1");
		click("[data-testid=password-submit]");
		assertThat(visible("[data-testid=password-changed]").getText()).contains("其他手机");
		screenshot("password-changed");
		assertThat(status(otherPhone)).as("the other phone's token").isEqualTo(401);

		click("[data-testid=account-back]");
		visible("[data-testid=home-greeting]");
		this.browser.navigate().refresh();
		assertThat(visible("[data-testid=home-greeting]").getText()).as("this phone goes on with its new token")
			.contains("王秀英");
	}

	@Test
	void signingOutEndsTheTokenOnTheServerAndEverywhereEndsEveryPhone() {
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "李建华", "first password 1", "zh-CN");
		String otherPhone = Clients.token(this.port, phone, "first password 1");
		signInInChinese(origin(), phone, "first password 1");
		String browserToken = (String) this.browser.executeScript("return window.localStorage.getItem('qibao.token')");
		click("[data-testid=sign-out]");
		visible("#phone");
		assertThat(status(browserToken)).as("the signed-out token, used from elsewhere").isEqualTo(401);
		assertThat(status(otherPhone)).isEqualTo(200);

		signInInChinese(origin(), phone, "first password 1");
		click("[data-testid=open-account]");
		click("[data-testid=sign-out-everywhere]");
		click("[data-testid=sign-out-everywhere-confirm]");
		visible("#phone");
		assertThat(status(otherPhone)).isEqualTo(401);
	}

	private int status(String token) {
		return Clients.http(this.port).post().uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

}
