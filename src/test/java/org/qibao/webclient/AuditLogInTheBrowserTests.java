package org.qibao.webclient;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator changes a case category's English name in the categories editor, then finds
 * the change in the audit log at a desk's width: who, what, and the name before and after.
 */
@QibaoTest
class AuditLogInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Geography geography;

	@Test
	void anAdministratorRenamesACategoryAndFindsTheChangeInTheAuditLog() throws Exception {
		String phone = administratorOfANewCommunity();
		signInInChinese(url(""), phone, Clients.DEMO_PASSWORD);
		this.browser.get(url("/admin"));
		click("[data-testid=open-case-categories]");
		WebElement first = this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=category-item]"))
			.stream()
			.findFirst()
			.orElse(null));
		first.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().equals("修改")).findFirst()
			.orElseThrow().click();
		WebElement nameEn = visible("form [data-testid=category-nameEn]");
		nameEn.clear();
		nameEn.sendKeys("Suspicious stranger");
		click("[data-testid=category-save]");
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=categories-message]"), "类别已保存。"));

		this.browser.get(url("/admin"));
		click("[data-testid=open-audit-log]");
		visible("[data-testid=audit-entry]");
		screenshot("audit-log-phone");
		// an administrator's editor: read at a desk
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
		this.wait.until(d -> Long.valueOf(1280).equals(this.browser.executeScript("return window.innerWidth")));
		WebElement entry = visible("[data-testid=audit-entry]");
		assertThat(entry.getText()).contains("审计管理员").contains("修改了案件类别").contains("nameEn");
		List<String> row = entry.findElements(By.cssSelector("[data-testid=audit-changes] tbody tr"))
			.get(0)
			.findElements(By.cssSelector("th, td"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(row).containsExactly("nameEn", "Suspicious person", "Suspicious stranger");
		assertThat(visible("[data-testid=audit-count]").getText()).contains("1");
		screenshot("audit-log-desktop");
		assertAccessible("the audit log");

		// a filter that matches nothing says so
		new Select(visible("[data-testid=audit-action]")).selectByValue("merchant.merchantApprove");
		visible("[data-testid=audit-empty]");
		new Select(visible("[data-testid=audit-action]")).selectByValue("casework.caseCategoryUpdate");
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid=audit-entry]"), 1));
		assertAccessible("the audit log, filtered");
	}

	/** A new community of its own, so that its log holds only this test's change; the administrator's phone. */
	private String administratorOfANewCommunity() {
		String suffix = String.valueOf(System.nanoTime());
		long city = this.geography.createCity("审计市 " + suffix);
		long street = this.geography.createStreet(this.geography.createDistrict(city, "审计区"), "审计街道");
		long community = this.geography.createCommunity(street, "审计社区 " + suffix, "Asia/Shanghai");
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, "审计管理员", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.ADMINISTRATOR, community);
		return phone;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
