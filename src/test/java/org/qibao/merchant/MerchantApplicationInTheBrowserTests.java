package org.qibao.merchant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.qibao.webclient.Browser;
import org.qibao.webclient.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop comes to Qibao on three phones: a person applies, the community's administrator approves,
 * the new owner adds a staff member by phone number, and that staff member opens the counter.
 */
@QibaoTest
class MerchantApplicationInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void aPersonAppliesTheAdministratorApprovesAndTheOwnersNewStaffMemberOpensTheCounter() throws Exception {
		String ownerPhone = Clients.uniquePhone();
		this.accounts.register(ownerPhone, "钱老板", Clients.DEMO_PASSWORD, "zh-CN");
		String staffPhone = Clients.uniquePhone();
		this.accounts.register(staffPhone, "店员小周", Clients.DEMO_PASSWORD, "zh-CN");
		String shop = "东亭水果店 " + System.nanoTime() % 100_000;

		// the applicant, who holds no role yet
		signIn(this.browser, this.wait, ownerPhone);
		screenshot(this.browser, "home-without-roles");
		click(this.wait, "[data-testid=open-merchant-apply]");
		new Select(visible(this.wait, "[data-testid=apply-community]")).selectByVisibleText("东亭社区");
		visible(this.wait, "[data-testid=apply-name]").sendKeys(shop);
		new Select(visible(this.wait, "[data-testid=apply-category]")).selectByVisibleText("超市");
		visible(this.wait, "[data-testid=apply-address]").sendKeys("武昌区东亭路 36 号");
		visible(this.wait, "[data-testid=apply-latitude]").sendKeys("30.5668");
		visible(this.wait, "[data-testid=apply-longitude]").sendKeys("114.3575");
		visible(this.wait, "[data-testid=apply-phone]").sendKeys("027-8765 4321");
		click(this.wait, "[data-testid=apply-submit]");
		assertThat(visible(this.wait, "[data-testid=apply-message]").getText()).contains("申请已提交");
		WebElement mine = visible(this.wait, "[data-testid=my-application][data-status=PENDING]");
		assertThat(mine.getText()).contains(shop, "超市", "东亭社区", "等待社区管理员审核");
		screenshot(this.browser, "apply-pending");

		// the community's administrator
		ChromeDriver admin = Browser.phone();
		try {
			WebDriverWait adminWait = new WebDriverWait(admin, Duration.ofSeconds(20));
			signIn(admin, adminWait, Clients.ADMINISTRATOR_PHONE);
			admin.get("http://localhost:" + this.port + "/admin");
			click(adminWait, "[data-testid=open-admin-merchants]");
			WebElement application = visible(adminWait, "[data-testid=admin-application][data-name='" + shop + "']");
			assertThat(application.getText()).contains("钱老板", "02787654321", "武昌区东亭路 36 号", "超市", "30.56680");
			screenshot(admin, "admin-pending-application");
			application.findElement(By.cssSelector("[data-testid=application-approve]")).click();
			assertThat(visible(adminWait, "[data-testid=admin-merchant][data-name='" + shop + "']").getText()).contains("已通过");
		}
		finally {
			admin.quit();
		}

		// the applicant sees the decision and, as the shop's owner, adds a staff member
		this.browser.navigate().refresh();
		assertThat(visible(this.wait, "[data-testid=my-application][data-status=APPROVED]").getText()).contains("已通过");
		click(this.wait, "[data-testid=open-my-shop]");
		click(this.wait, "[data-testid=open-staff]");
		assertThat(visible(this.wait, "[data-testid=staff-member][data-name='钱老板']").getText()).contains("店主", ownerPhone);
		visible(this.wait, "[data-testid=staff-phone]").sendKeys(staffPhone);
		click(this.wait, "[data-testid=staff-add]");
		assertThat(visible(this.wait, "[data-testid=staff-member][data-name='店员小周']").getText()).contains(staffPhone);
		assertThat(visible(this.wait, "[data-testid=staff-message]").getText()).contains("店员小周");
		screenshot(this.browser, "staff");

		// the new staff member, who signs in for the first time, works the counter
		ChromeDriver clerk = Browser.phone();
		try {
			WebDriverWait clerkWait = new WebDriverWait(clerk, Duration.ofSeconds(20));
			signIn(clerk, clerkWait, staffPhone);
			assertThat(visible(clerkWait, "[data-testid=home-scope]").getText()).contains(shop);
			click(clerkWait, "[data-testid=open-counter]");
			visible(clerkWait, "[data-testid=counter-code]");
			assertThat(clerk.getCurrentUrl()).endsWith("/merchant/counter");
		}
		finally {
			clerk.quit();
		}

		// the owner removes the staff member, after a confirmation
		this.browser.findElement(By.cssSelector("[data-testid=staff-member][data-name='店员小周'] [data-testid=staff-remove]")).click();
		screenshot(this.browser, "staff-confirm-remove");
		click(this.wait, "[data-testid=staff-remove-confirm]");
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=staff-member][data-name='店员小周']")));
		assertThat(visible(this.wait, "[data-testid=staff-message]").getText()).contains("已移除");

		// the same screens in English
		click(this.wait, "[data-testid=lang-en]");
		assertThat(visible(this.wait, "h1").getText()).startsWith("Staff");
		screenshot(this.browser, "staff-en");
		this.browser.get("http://localhost:" + this.port + "/merchant/apply");
		assertThat(visible(this.wait, "[data-testid=my-application]").getText()).contains("Approved", "Supermarket");
		screenshot(this.browser, "apply-en");
	}

	private void signIn(ChromeDriver driver, WebDriverWait wait, String phone) {
		signInInChinese(driver, wait, "http://localhost:" + this.port, phone, Clients.DEMO_PASSWORD);
	}

	/** Keeps a picture of a whole new screen at phone width in target/screenshots/. */
	@SuppressWarnings("unchecked")
	private static void screenshot(ChromeDriver driver, String name) throws Exception {
		Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		// the whole page, up to the first 2,000 pixels (the administrator's list grows with every test run)
		int height = Math.min(2000, ((Number) ((Map<String, Object>) metrics.get("cssContentSize")).get("height")).intValue());
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
				"captureBeyondViewport", true,
				"clip", Map.of("x", 0, "y", 0, "width", 360, "height", height, "scale", 1)));
		Path shots = Files.createDirectories(Path.of("target/screenshots"));
		Files.write(shots.resolve("MerchantApplication-" + name + ".png"),
				Base64.getDecoder().decode((String) shot.get("data")));
	}

}
