package org.qibao.webclient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/** The accessibility check the browser tests run finds what it is there to find. */
class AccessibilityCheckTests {

	private final ChromeDriver browser = Browser.phone();

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void aButtonWithoutANameAndAnImageWithoutTextAreSeriousViolations() {
		this.browser.get("data:text/html;charset=utf-8,<html lang=zh-CN><title>t</title><main>"
				+ "<button></button><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></main></html>");
		assertThat(Accessibility.seriousViolations(this.browser)).anySatisfy(v -> assertThat(v).startsWith("button-name"))
			.anySatisfy(v -> assertThat(v).startsWith("image-alt"));
	}

	@Test
	void aPlainLabelledPageHasNone() {
		this.browser.get("data:text/html;charset=utf-8,<html lang=zh-CN><title>t</title><main>"
				+ "<h1>巡逻</h1><button>签到</button></main></html>");
		assertThat(Accessibility.seriousViolations(this.browser)).isEmpty();
	}

}
