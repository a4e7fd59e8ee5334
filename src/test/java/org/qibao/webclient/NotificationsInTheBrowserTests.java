package org.qibao.webclient;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

/** A neighbour's gift in a real (headless) Chromium: the badge on the home screen, the message, the badge gone. */
@QibaoTest
class NotificationsInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	TimeBank timeBank;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVolunteerSeesAGiftNotificationAndTheUnreadBadgeGoesAwayOnceRead() throws Exception {
		long dongting = this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		String giverPhone = Clients.uniquePhone();
		Account giver = this.accounts.register(giverPhone, "王奶奶", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(giver.id(), Role.VOLUNTEER, dongting);
		String neighbourPhone = Clients.uniquePhone();
		Account neighbour = this.accounts.register(neighbourPhone, "赵爷爷", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(neighbour.id(), Role.VOLUNTEER, dongting);
		this.timeBank.creditPatrol(new AttendanceVerified(System.currentTimeMillis() * 1000 + 13, giver.id(), dongting, 90,
				Instant.now(), null));
		Clients.signedIn(this.port, giverPhone)
			.document("mutation($input: GiftSendInput!) { giftSend(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("recipientPhone", neighbourPhone, "minutes", 30, "note", "谢谢您帮我买菜",
					"idempotencyKey", "browser-gift-" + giver.id()))
			.execute()
			.path("giftSend.userErrors").entityList(Object.class).hasSize(0);

		signInInChinese("http://localhost:" + this.port, neighbourPhone, Clients.DEMO_PASSWORD);
		assertThat(visible("[data-testid=unread-badge]").getText()).isEqualTo("1");
		assertAccessible("the volunteer's home with an unread notification");
		screenshot("home-with-badge");

		click("[data-testid=open-notifications]");
		assertThat(visible("[data-testid=notification-item][data-kind=GIFT_RECEIVED]").getText())
			.contains("王奶奶赠送给您 30 分钟：“谢谢您帮我买菜”", "新");
		assertAccessible("the notifications");
		screenshot("notifications");
		this.wait.until(d -> this.jdbc.sql("SELECT count(*) FROM notification WHERE account_id = ? AND read_at IS NULL")
			.param(neighbour.id()).query(Integer.class).single() == 0);

		this.browser.get("http://localhost:" + this.port + "/volunteer");
		visible("[data-testid=open-notifications]");
		this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=unread-badge]")).isEmpty());
		assertAccessible("the volunteer's home, all read");
	}

}
