package org.qibao.webclient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test that drives the web client in a phone-sized headless Chromium, one browser per test,
 * and keeps a screenshot of where each test ended in {@code target/screenshots/}.
 */
public abstract class BrowserTest {

	protected ChromeDriver browser;

	protected WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.phone();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	/**
	 * Replaces this test's browser by one whose camera films {@code video} (see {@link FakeCamera}), for a
	 * test that scans a QR code; the other tests' browsers have no camera.
	 */
	protected void useCamera(Path video) {
		this.browser.quit();
		this.browser = Browser.phoneWithCamera(video);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	/** Replaces this test's browser by a desktop-sized one, for a test of an administrator's screen. */
	protected void useDesktop() {
		this.browser.quit();
		this.browser = Browser.desktop();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	/** Clicks the element once it can be clicked. */
	protected void click(String css) {
		click(this.wait, css);
	}

	/** The element once it is visible. */
	protected WebElement visible(String css) {
		return visible(this.wait, css);
	}

	/**
	 * Fails when the screen this test's browser shows has a serious or critical WCAG 2.1 A/AA
	 * violation, as axe-core finds them (see {@link Accessibility}); {@code screen} names it in the
	 * failure.
	 */
	protected void assertAccessible(String screen) {
		assertAccessible(this.browser, screen);
	}

	/** The same, for a test driving more than one browser. */
	protected static void assertAccessible(ChromeDriver driver, String screen) {
		org.assertj.core.api.Assertions.assertThat(Accessibility.seriousViolations(driver))
			.as("serious or critical WCAG 2.1 AA violations on %s", screen)
			.isEmpty();
	}

	/** Signs in on this test's browser, in Chinese, and waits for the home screen. */
	protected void signInInChinese(String origin, String phone, String password) {
		signInInChinese(this.browser, this.wait, origin, phone, password);
	}

	/** The same, for a test driving more than one browser. */
	protected static void click(WebDriverWait wait, String css) {
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
	}

	/** The same, for a test driving more than one browser. */
	protected static WebElement visible(WebDriverWait wait, String css) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	/**
	 * What a page's camera shows once it has read a QR code: the element {@code resultCss} that appears
	 * then. Should it not appear, the test fails with what the camera gave the page.
	 */
	protected static WebElement scanned(ChromeDriver driver, WebDriverWait wait, String resultCss) {
		try {
			return visible(wait, resultCss);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("the camera read no code; it showed " + camera(driver), ex);
		}
	}

	/**
	 * What the page's camera shows: the scanner's state, the picture's state, and how light and dark a
	 * frame drawn from it is (a frame of one shade holds no code).
	 */
	private static String camera(ChromeDriver driver) {
		return String.valueOf(driver.executeScript("""
				const scanner = document.querySelector('[data-state]');
				const video = document.querySelector('video');
				if (!video) return `no picture, scanner ${scanner?.dataset.state}`;
				let frame = 'no frame';
				if (video.videoWidth > 0) {
				  const canvas = document.createElement('canvas');
				  canvas.width = video.videoWidth;
				  canvas.height = video.videoHeight;
				  const context = canvas.getContext('2d', { willReadFrequently: true });
				  context.drawImage(video, 0, 0);
				  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
				  let darkest = 255, lightest = 0;
				  for (let i = 0; i < pixels.length; i += 4 * 7) {
				    darkest = Math.min(darkest, pixels[i + 1]);
				    lightest = Math.max(lightest, pixels[i + 1]);
				  }
				  frame = `a frame's green from ${darkest} to ${lightest}`;
				}
				return `scanner ${scanner?.dataset.state}, picture ${video.videoWidth}x${video.videoHeight} `
				  + `ready ${video.readyState} ${video.paused ? 'paused' : 'playing'} at ${video.currentTime.toFixed(1)} s, ${frame}`;
				"""));
	}

	/** The same, for a test driving more than one browser. */
	protected static void signInInChinese(ChromeDriver driver, WebDriverWait wait, String origin, String phone,
			String password) {
		driver.get(origin + "/login");
		click(wait, "[data-testid=lang-zh-CN]");
		wait.until(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
		visible(wait, "#phone").sendKeys(phone);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("[data-testid=login-submit]")).click();
		visible(wait, "[data-testid=home-greeting]");
	}

	/** Keeps what the browser shows now in {@code target/screenshots/}, named after this test class and {@code name}. */
	protected void screenshot(String name) throws IOException {
		Path shots = Files.createDirectories(Path.of("target/screenshots"));
		Files.write(shots.resolve(getClass().getSimpleName() + "-" + name + ".png"),
				this.browser.getScreenshotAs(OutputType.BYTES));
	}

	@AfterEach
	void closeBrowser(TestInfo test) throws Exception {
		try {
			screenshot(test.getTestMethod().map(m -> m.getName()).orElse("test"));
		}
		finally {
			this.browser.quit();
		}
	}

}
