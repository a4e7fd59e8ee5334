package org.qibao.merchant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
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
import org.qibao.shared.GeoPoint;
import org.qibao.webclient.Browser;
import org.qibao.webclient.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Offers on two phones: the shop's staff edit one, the volunteer sees the change and the offers near them. */
@QibaoTest
class OffersInTheBrowserTests extends BrowserTest {

	/** Metres per degree of latitude on the sphere the server uses. */
	private static final double METRES_PER_DEGREE = OfferSearchArea.EARTH_RADIUS_METRES * Math.PI / 180;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Offers offers;

	@Autowired
	Merchants merchants;

	@Autowired
	Accounts accounts;

	private MerchantFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
	}

	@Test
	void staffEditAnOffersPriceAndTheVolunteerSeesTheNewPrice() {
		Merchant shop = this.fixtures.shop();
		String title = "烫发 " + System.nanoTime() % 100_000;
		this.offers.create(shop.id(), new OfferTerms(title, "", "减 20 元", 30, Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(10)), 1, null, 5));
		String staffPhone = Clients.uniquePhone();
		Account staff = this.accounts.register(staffPhone, "店员小王", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(staff.id(), Role.MERCHANT_STAFF, shop.id());
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(0);

		ChromeDriver counter = Browser.phone();
		try {
			WebDriverWait staffWait = new WebDriverWait(counter, Duration.ofSeconds(20));
			signIn(counter, staffWait, staffPhone);
			counter.get("http://localhost:" + this.port + "/merchant/offers");
			WebElement card = visible(staffWait, "[data-testid=managed-offer][data-title='" + title + "']");
			assertThat(card.getText()).contains("30 分钟");
			card.findElement(By.cssSelector("[data-testid=offer-edit]")).click();
			WebElement price = visible(staffWait, "[data-testid=offer-edit-price]");
			assertThat(price.getAttribute("value")).isEqualTo("30");
			assertThat(visible(staffWait, "[data-testid=offer-edit-title]").getAttribute("value")).isEqualTo(title);
			assertThat(visible(staffWait, "[data-testid=offer-edit-stock]").getAttribute("value")).isEqualTo("5");
			assertThat(visible(staffWait, "[data-testid=offer-edit-monthly]").getAttribute("value")).isEmpty();

			retype(price, "0");
			click(staffWait, "[data-testid=offer-edit-save]");
			assertThat(visible(staffWait, "[data-testid=offer-edit-price-problem]").getText()).isEqualTo("价格须为 1 到 6000 分钟。");
			assertThat(price.getAttribute("aria-invalid")).isEqualTo("true");
			shot(counter, "offer-edit-refused");

			retype(price, "45");
			click(staffWait, "[data-testid=offer-edit-save]");
			assertThat(visible(staffWait, "[data-testid=offer-saved]").getText()).contains(title, "已保存");
			staffWait.until(d -> d.findElement(By.cssSelector("[data-testid=managed-offer][data-title='" + title + "']"))
				.getText()
				.contains("45 分钟"));
			assertThat(counter.findElements(By.cssSelector("[data-testid=offer-edit-form]"))).isEmpty();
		}
		finally {
			counter.quit();
		}
		assertThat(this.offers.find(this.offerTitled(shop, title)).orElseThrow().priceMinutes()).isEqualTo(45);

		signIn(this.browser, this.wait, volunteer.phone());
		click(this.wait, "[data-testid=open-offers]");
		WebElement offer = visible(this.wait, "[data-testid=offer][data-title='" + title + "']");
		assertThat(offer.findElement(By.cssSelector("[data-testid=offer-price]")).getText()).isEqualTo("45 分钟");
	}

	@Test
	void theVolunteerSeesTheOffersNearThemNearestFirstWithTheirDistance() {
		GeoPoint here = new GeoPoint(100 + Math.random() * 12, 24 + Math.random() * 16);
		String stamp = String.valueOf(System.nanoTime() % 100_000);
		Merchant near = shopNorthOf(here, 300);
		Merchant farther = shopNorthOf(here, 1234);
		this.fixtures.offer(farther, 25, null, null, null);
		this.offers.create(near.id(), new OfferTerms("近处 " + stamp, "", "减 2 元", 15, Instant.now().minus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofDays(1)), null, null, null));
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		allowPosition(here);

		signIn(this.browser, this.wait, volunteer.phone());
		this.browser.get("http://localhost:" + this.port + "/volunteer/offers");
		click(this.wait, "[data-testid=offers-near-me]");
		assertThat(visible(this.wait, "[data-testid=offers-near-intro]").getText()).isEqualTo("您周围 2 公里内的优惠，由近到远。");
		List<WebElement> found = this.browser.findElements(By.cssSelector("[data-testid=offers-near] [data-testid=offer]"));
		assertThat(found).extracting(e -> e.findElement(By.cssSelector("[data-testid=offer-distance]")).getText())
			.containsExactly("300 米", "1.2 公里");
		assertThat(found.get(0).getText()).contains("近处 " + stamp, near.name(), "15 分钟");
		assertThat(found.get(1).getText()).contains(farther.name(), "25 分钟");
		shot(this.browser, "offers-near-me");

		click(this.wait, "[data-testid=offers-near-me]");
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=offers-near]")));
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=offer-distance]"))).isEmpty();
		assertThat(visible(this.wait, "[data-testid=offer][data-title='理发']").getText()).contains("东亭理发店");
	}

	@Test
	void aVolunteerWhoRefusesTheirPositionSeesTheCommunitysOffersAndWhy() {
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		this.browser.executeCdpCommand("Browser.setPermission",
				Map.of("permission", Map.of("name", "geolocation"), "setting", "denied"));

		signIn(this.browser, this.wait, volunteer.phone());
		this.browser.get("http://localhost:" + this.port + "/volunteer/offers");
		click(this.wait, "[data-testid=offers-near-me]");
		assertThat(visible(this.wait, "[data-testid=offers-near-fallback]").getText())
			.isEqualTo("本应用未获准使用您的位置，下面是社区的全部优惠。");
		assertThat(this.browser.findElement(By.cssSelector("[data-testid=offers-near-me]")).isSelected()).isFalse();
		assertThat(visible(this.wait, "[data-testid=offer][data-title='鸡蛋一盒']").getText()).contains("东亭便民超市");
		shot(this.browser, "offers-near-me-refused");
	}

	/** Grants the page the position and places the phone there (Chromium's DevTools protocol). */
	private void allowPosition(GeoPoint point) {
		this.browser.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", "http://localhost:" + this.port, "permissions", List.of("geolocation")));
		this.browser.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", point.latitude(), "longitude", point.longitude(), "accuracy", 10));
	}

	private Merchant shopNorthOf(GeoPoint here, int metres) {
		return this.merchants.create(this.fixtures.dongting(), "附近小店 " + System.nanoTime(), "SUPERMARKET", "测试路 8 号",
				new GeoPoint(here.longitude(), here.latitude() + metres / METRES_PER_DEGREE));
	}

	private long offerTitled(Merchant shop, String title) {
		return this.offers.ofMerchants(List.of(shop.id())).stream().filter(o -> o.title().equals(title)).findFirst()
			.orElseThrow().id();
	}

	private void signIn(ChromeDriver driver, WebDriverWait wait, String phone) {
		signInInChinese(driver, wait, "http://localhost:" + this.port, phone, Clients.DEMO_PASSWORD);
	}

	/** Replaces what an input holds, as a person would: select all, type over it. */
	private static void retype(WebElement input, String text) {
		input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
	}

	/** A screenshot of the phone's screen in target/screenshots, to look at the screens as people see them. */
	private static void shot(ChromeDriver driver, String name) {
		try {
			Path shots = Files.createDirectories(Path.of("target/screenshots"));
			Files.write(shots.resolve("OffersInTheBrowserTests-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
