package org.qibao.merchant;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.webclient.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.merchant.MerchantFixtures.code;
import static org.qibao.merchant.MerchantFixtures.confirm;
import static org.qibao.merchant.MerchantFixtures.request;

/**
 * The barber's settlement screen in a real (headless) Chromium: the month's totals and the codes
 * confirmed at the counter, together. It was blank: its query failed on the history, silently.
 */
@QibaoTest
class SettlementInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Accounts accounts;

	private MerchantFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
	}

	@Test
	void theBarberSeesTheMonthsTotalsAndEveryConfirmedCode() {
		Merchant shop = this.fixtures.shop();
		Offer haircut = this.fixtures.offer(shop, 40, null, null, null);
		MerchantFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		String staffPhone = Clients.uniquePhone();
		Account staff = this.accounts.register(staffPhone, "理发师", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(staff.id(), Role.MERCHANT_STAFF, shop.id());
		confirm(this.fixtures.staff(shop), code(request(volunteer, haircut)));
		confirm(this.fixtures.staff(shop), code(request(volunteer, haircut)));

		signInInChinese("http://localhost:" + this.port, staffPhone, Clients.DEMO_PASSWORD);
		click("[data-testid=open-settlement]");
		assertThat(visible("[data-testid=settlement]").getText()).contains("80");
		this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=merchant-redemption]")).size() == 2);
		List<WebElement> history = this.browser.findElements(By.cssSelector("[data-testid=merchant-redemption]"));
		assertThat(history).allSatisfy(line -> assertThat(line.getText()).contains("测试志愿者", "测试优惠", "40 分钟"));
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=load-error]"))).isEmpty();
	}

}
