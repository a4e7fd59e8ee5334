package org.qibao.merchant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.webclient.Browser;
import org.qibao.webclient.BrowserTest;
import org.qibao.webclient.FakeCamera;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter flow in two real (headless) Chromiums: the volunteer's phone and the shop's phone, whose
 * camera (Chromium's fake one) films the volunteer's screen, or which has none and types the code.
 */
@QibaoTest
class RedemptionInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Offers offers;

	@Autowired
	Accounts accounts;

	private MerchantFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
	}

	@Test
	void theVolunteerGetsACodeTheStaffTypeAndConfirmItAndBothSeeItDone() {
		Merchant shop = this.fixtures.shop();
		String title = "洗头 " + System.nanoTime() % 100_000;
		this.offers.create(shop.id(), new OfferTerms(title, "", "减 3 元", 30, Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(1)), 1, null, null));
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		String staffPhone = Clients.uniquePhone();
		Account staff = this.accounts.register(staffPhone, "店员小李", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(staff.id(), Role.MERCHANT_STAFF, shop.id());

		signIn(this.browser, this.wait, volunteer.phone());
		click(this.wait, "[data-testid=open-offers]");
		WebElement offer = visible(this.wait, "[data-testid=offer][data-title='" + title + "']");
		offer.findElement(By.cssSelector("[data-testid=offer-get-code]")).click();
		visible(this.wait, "[data-testid=redeem-qr]");
		String code = visible(this.wait, "[data-testid=redeem-short-code]").getText().replace(" ", "");
		assertThat(code).hasSize(6);
		assertThat(visible(this.wait, "[data-testid=redeem-countdown]").getText()).matches("有效时间 [45]:\\d\\d");

		ChromeDriver counter = Browser.phone();
		try {
			WebDriverWait counterWait = new WebDriverWait(counter, Duration.ofSeconds(20));
			signIn(counter, counterWait, staffPhone);
			counter.get("http://localhost:" + this.port + "/merchant/counter");
			// this phone has no camera: scanning says so, and typing the code still works
			click(counterWait, "[data-testid=counter-scan]");
			assertThat(visible(counterWait, "[data-testid=qr-scanner-problem]").getText()).contains("改为输入编码");
			click(counterWait, "[data-testid=qr-scanner-close]");
			visible(counterWait, "[data-testid=counter-code]").sendKeys(code.toLowerCase());
			click(counterWait, "[data-testid=counter-look-up]");
			assertThat(visible(counterWait, "[data-testid=counter-confirm]").getText()).contains("测试志愿者", title, "30 分钟");
			click(counterWait, "[data-testid=counter-confirm-button]");
			assertThat(visible(counterWait, "[data-testid=counter-success]").getText()).contains("核销成功", "测试志愿者");
		}
		finally {
			counter.quit();
		}

		assertThat(visible(this.wait, "[data-testid=redeem-done]").getText()).contains("兑换成功");
		click(this.wait, "[data-testid=redeem-close]");
		assertThat(visible(this.wait, "[data-testid=redeem-history]").getText()).contains(shop.name(), title, "已兑换");
		this.browser.get("http://localhost:" + this.port + "/volunteer/passbook");
		this.wait.until(d -> "70".equals(d.findElement(By.cssSelector("[data-testid=passbook-balance]")).getAttribute("data-minutes")));
		WebElement latest = visible(this.wait, "[data-testid=passbook-entry]");
		assertThat(latest.getAttribute("data-kind")).isEqualTo("MERCHANT_REDEMPTION");
		assertThat(latest.getText()).contains(shop.name(), "30 分钟");
		assertThat(this.fixtures.merchantBalance(shop)).isEqualTo(30);
	}

	@Test
	void theStaffScanTheQrCodeOnTheVolunteersPhoneWithTheCameraAndConfirmIt() throws IOException {
		Merchant shop = this.fixtures.shop();
		String title = "剪发 " + System.nanoTime() % 100_000;
		this.offers.create(shop.id(), new OfferTerms(title, "", "减 5 元", 25, Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(1)), 1, null, null));
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		String staffPhone = Clients.uniquePhone();
		Account staff = this.accounts.register(staffPhone, "店员小王", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(staff.id(), Role.MERCHANT_STAFF, shop.id());

		signIn(this.browser, this.wait, volunteer.phone());
		click(this.wait, "[data-testid=open-offers]");
		WebElement offer = visible(this.wait, "[data-testid=offer][data-title='" + title + "']");
		offer.findElement(By.cssSelector("[data-testid=offer-get-code]")).click();
		// the shop's camera films the QR code exactly as the volunteer's phone draws it
		Path video = FakeCamera.filmingImage(visible(this.wait, "[data-testid=redeem-qr]").getAttribute("src"));

		ChromeDriver counter = Browser.phoneWithCamera(video);
		try {
			WebDriverWait counterWait = new WebDriverWait(counter, Duration.ofSeconds(20));
			signIn(counter, counterWait, staffPhone);
			Browser.allowCamera(counter, "http://localhost:" + this.port, true);
			counter.get("http://localhost:" + this.port + "/merchant/counter");
			click(counterWait, "[data-testid=counter-scan]");
			assertThat(scanned(counter, counterWait, "[data-testid=counter-confirm]").getText()).contains("测试志愿者", title,
					"25 分钟");
			keepScreen(counter, "counter-after-scanning");
			assertThat(counter.findElements(By.cssSelector("[data-testid=counter-scanner]"))).isEmpty();
			click(counterWait, "[data-testid=counter-confirm-button]");
			assertThat(visible(counterWait, "[data-testid=counter-success]").getText()).contains("核销成功", "测试志愿者");
		}
		finally {
			counter.quit();
		}

		assertThat(visible(this.wait, "[data-testid=redeem-done]").getText()).contains("兑换成功");
		assertThat(this.fixtures.merchantBalance(shop)).isEqualTo(25);
	}

	/** Keeps what the shop's phone shows in target/screenshots/. */
	private static void keepScreen(ChromeDriver driver, String name) throws IOException {
		Path shots = Files.createDirectories(Path.of("target/screenshots"));
		Files.write(shots.resolve("RedemptionInTheBrowserTests-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
	}

	private void signIn(ChromeDriver driver, WebDriverWait wait, String phone) {
		signInInChinese(driver, wait, "http://localhost:" + this.port, phone, Clients.DEMO_PASSWORD);
	}

}
