package org.qibao.webclient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver, so that nothing is
 * downloaded: {@code apt-get install chromium chromium-driver}.
 */
public final class Browser {

	private Browser() {
	}

	/** A phone-sized browser window (360 × 740) without a camera. */
	public static ChromeDriver phone() {
		return start(phoneOptions());
	}

	/** A desktop-sized browser window (1280 × 900), as an administrator at the community office uses. */
	public static ChromeDriver desktop() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("QIBAO_CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--lang=zh-CN");
		return start(options);
	}

	/**
	 * A phone whose camera films {@code video} (a Y4M or MJPEG file, see {@link FakeCamera}) over and over.
	 * As a person refuses the browser's question, headless Chromium keeps the camera from pages until
	 * {@link #allowCamera} says otherwise.
	 */
	public static ChromeDriver phoneWithCamera(Path video) {
		ChromeOptions options = phoneOptions();
		options.addArguments("--use-fake-device-for-media-stream",
				"--use-file-for-fake-video-capture=" + video.toAbsolutePath());
		return start(options);
	}

	/** Answers the browser's question whether the pages of {@code origin} may use the camera, as a person would. */
	public static void allowCamera(ChromeDriver driver, String origin, boolean allowed) {
		driver.executeCdpCommand("Browser.setPermission", Map.of("origin", origin, "permission", Map.of("name", "camera"),
				"setting", allowed ? "granted" : "denied"));
	}

	private static ChromeOptions phoneOptions() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("QIBAO_CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=360,740", "--lang=zh-CN");
		// headless Chromium keeps windows at least 500 px wide: emulate the phone's viewport instead
		options.setExperimentalOption("mobileEmulation",
				Map.of("deviceMetrics", Map.of("width", 360, "height", 740, "pixelRatio", 1.0)));
		return options;
	}

	private static ChromeDriver start(ChromeOptions options) {
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(executable("QIBAO_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	private static String executable(String variable, String fallback) {
		String path = System.getenv().getOrDefault(variable, fallback);
		if (!Files.isExecutable(Path.of(path))) {
			throw new IllegalStateException(path + " is missing: apt-get install -y chromium chromium-driver");
		}
		return path;
	}

}
