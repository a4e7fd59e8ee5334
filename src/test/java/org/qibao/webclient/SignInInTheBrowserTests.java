package org.qibao.webclient;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A volunteer signs in through the web client in a real (headless) Chromium. */
@QibaoTest
class SignInInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void aDemoVolunteerSignsInAndSeesTheirHomeScreen() {
		this.browser.get(url("/"));
		signIn(Clients.VOLUNTEER_PHONE, Clients.DEMO_PASSWORD);
		WebElement greeting = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=home-greeting]")));
		assertThat(greeting.getText()).contains("肖建国");
		assertThat(this.browser.findElement(By.cssSelector("[data-testid=home-scope]")).getText()).contains("东亭社区");
		assertAccessible("the volunteer's home");

		this.browser.navigate().refresh();
		assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=home-greeting]")))
			.getText()).as("the session survives a reload").contains("肖建国");

		this.browser.findElement(By.cssSelector("[data-testid=sign-out]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone")));
	}

	@Test
	void aWrongPasswordIsExplainedInTheChosenLanguage() {
		this.browser.get(url("/login"));
		this.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=lang-en]"))).click();
		this.wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
		// a phone of its own: a wrong password on a demo phone counts against other tests' sign-ins
		String phone = Clients.uniquePhone();
		this.accounts.register(phone, "错密码", "the password 1", "zh-CN");
		signIn(phone, "not the password");
		WebElement error = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-error]")));
		assertThat(error.getText()).containsIgnoringCase("phone number or password");
		assertAccessible("the sign-in screen with an error");
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=home-greeting]"))).isEmpty();
	}

	@Test
	void theLanguageChosenAtSignInFollowsThePersonToANewPhone() {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, "孙桂英", "browser-locale-1", "zh-CN");
		this.browser.get(url("/login"));
		click("[data-testid=lang-en]");
		signIn(phone, "browser-locale-1");
		visible("[data-testid=home-greeting]");
		this.wait.until(d -> "en".equals(this.accounts.findAll(List.of(account.id())).get(account.id()).locale()));

		// a new phone: nothing chosen on it, and its browser prefers Chinese
		click("[data-testid=sign-out]");
		visible("#phone");
		this.browser.executeScript("window.localStorage.clear()");
		String userAgent = (String) this.browser.executeScript("return navigator.userAgent");
		this.browser.executeCdpCommand("Network.setUserAgentOverride",
				Map.of("userAgent", userAgent, "acceptLanguage", "zh-CN"));
		this.browser.navigate().refresh();
		this.wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
		signIn(phone, "browser-locale-1");
		visible("[data-testid=home-greeting]");
		this.wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
		assertThat(visible("[data-testid=sign-out]").getText()).isEqualTo("Sign out");
	}

	@Test
	void graphiqlLoadsWithoutReachingOutsideTheServer() {
		this.browser.get(url("/graphiql"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-container")));
		assertThat(this.browser.getPageSource()).doesNotContain("unpkg.com").doesNotContain("jsdelivr");
	}

	private void signIn(String phone, String password) {
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone"))).sendKeys(phone);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("[data-testid=login-submit]")).click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
