package org.qibao.webclient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.qibao.QibaoTest;
import org.qibao.statistics.StatisticsFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's statistics on a desktop: a known month (see {@link StatisticsFixture}) charted
 * and tabled, narrowed to one grid, and exported as CSV through the screen's button.
 */
@QibaoTest
class StatisticsInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theAdministratorSeesTheMonthChartedAndTabledNarrowsItToAGridAndExportsItAsCsv() throws Exception {
		StatisticsFixture month = new StatisticsFixture(this.context);
		useDesktop();
		Path downloads = Files.createDirectories(Path.of("target/downloads/statistics-" + System.nanoTime()));
		this.browser.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
		signInInChinese(url(""), month.administratorPhone, StatisticsFixture.PASSWORD);
		this.browser.get(url("/admin"));
		click("[data-testid=open-admin-statistics]");
		WebElement picker = visible("[data-testid=statistics-month]");
		visible("[data-testid=statistics-weeks]");
		choose(picker, "2026-03");

		this.wait.until(d -> cells("[data-testid=statistics-weeks] tbody tr:nth-child(3) td").contains("2.3"));
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=statistics-weeks] tbody tr"))).hasSize(6);
		assertThat(cells("[data-testid=statistics-weeks] tbody tr:nth-child(3) td"))
			.containsExactly("2.3", "2", "1", "1", "60", "30", "0", "0");
		assertThat(cells("[data-testid=statistics-teams] tbody th")).containsExactly("步行队", "灯笼队");
		assertThat(visible("[data-testid=statistics-totals]").getText()).contains("4.1", "180");
		List<WebElement> charts = this.browser.findElements(By.cssSelector(".chart-box canvas[role=img]"));
		assertThat(charts).hasSize(4);
		assertThat(charts.get(0).getAttribute("aria-label")).contains("步行队", "03-02 1.5");
		assertThat(charts).allSatisfy(chart -> assertThat(chart.getSize().getHeight()).isGreaterThan(100));
		screenshot("march");
		assertAccessible("the statistics of a month");

		click("[data-testid=statistics-csv]");
		Path csv = downloads.resolve("statistics-2026-03.csv");
		this.wait.until(d -> Files.exists(csv) && csv.toFile().length() > 0);
		String exported = Files.readString(csv, StandardCharsets.UTF_8);
		assertThat(exported).startsWith("\uFEFFfigure,period,subject,value");
		assertThat(exported.lines()).contains("verified_patrol_minutes,2026-03,\"\",245");

		new Select(visible("[data-testid=statistics-grid]")).selectByVisibleText("G2 二网格");
		visible("[data-testid=statistics-grid-note]");
		this.wait.until(d -> cells("[data-testid=statistics-teams] tbody th").equals(List.of("灯笼队")));
		assertThat(cells("[data-testid=statistics-merchants] tbody tr th")).containsExactly("二号便利店");
		screenshot("grid");
		assertAccessible("the statistics of a grid");
	}

	/** Sets the month picker as a person picking a month would, so that the screen hears the change. */
	private void choose(WebElement picker, String month) {
		this.browser.executeScript("""
				const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
				setter.call(arguments[0], arguments[1]);
				arguments[0].dispatchEvent(new Event('input', { bubbles: true }));""", picker, month);
	}

	/** The texts of the elements, read at once: the table is drawn afresh as the figures arrive. */
	@SuppressWarnings("unchecked")
	private List<String> cells(String css) {
		return (List<String>) this.browser.executeScript(
				"return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim());", css);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
