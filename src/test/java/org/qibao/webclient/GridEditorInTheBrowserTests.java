package org.qibao.webclient;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A community's administrator draws a grid on the map at a desktop screen, corner by corner with the
 * mouse (Geoman's drawing), saves it and sees it; a drawing that overlaps a neighbour is refused with
 * the server's message beside the map. The tiles point at a path the test server does not serve, as
 * when tiles are blocked or offline: the grids still show. A city administrator adds a district.
 */
@QibaoTest
class GridEditorInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Geography geography;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorDrawsAGridBetweenTwoNeighboursAndAnOverlappingOneIsRefused() throws Exception {
		long community = community();
		double lon = 30 + (System.nanoTime() % 1_000_000) / 10_000.0;
		double lat = -20.0;
		this.geography.createGrid(community, "G1", "西网格", square(lon, lat));
		this.geography.createGrid(community, "G2", "东网格", square(lon + 0.002, lat));
		String phone = person(Role.ADMINISTRATOR, community);

		signInInChinese(url(""), phone, Clients.DEMO_PASSWORD);
		this.browser.get(url("/admin"));
		desktop();
		click("[data-testid=open-admin-grids]");
		WebElement map = visible("[data-testid=grid-editor-map]");
		this.wait.until(d -> d.findElements(By.cssSelector("[data-testid=grid-editor-map] path.leaflet-interactive")).size() >= 2);
		// the tiles were asked for and failed; the grids show all the same
		this.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=grid-editor-map] img.leaflet-tile")).isEmpty());
		assertAccessible("the grid editor");

		click("[data-testid=grid-draw]");
		visible("[data-testid=grid-draw-hint]");
		drawSquare(map, -30, -30, 60);
		visible("#grid-code").sendKeys("N1");
		this.browser.findElement(By.id("grid-name")).sendKeys("新网格");
		click("[data-testid=grid-save]");
		this.wait.until(d -> d.findElement(By.cssSelector("[data-testid=grid-editor-message]")).getText().contains("N1"));
		visible("[data-testid=grid-choice-N1]");
		assertThat(this.jdbc.sql("SELECT count(*) FROM grid WHERE community_id = ? AND code = 'N1'").param(community)
			.query(Integer.class).single()).isEqualTo(1);
		assertAccessible("the grid editor with a grid chosen");
		screenshot("saved");

		click("[data-testid=grid-draw]");
		visible("[data-testid=grid-draw-hint]");
		drawSquare(map, 50, -30, 120);
		screenshot("drawn");
		visible("#grid-code").sendKeys("N2");
		this.browser.findElement(By.id("grid-name")).sendKeys("重叠网格");
		click("[data-testid=grid-save]");
		WebElement refusal = visible("[data-testid=grid-editor-message][role=alert]");
		assertThat(refusal.getText()).contains("G2").contains("重叠");
		assertThat(this.jdbc.sql("SELECT count(*) FROM grid WHERE community_id = ?").param(community)
			.query(Integer.class).single()).isEqualTo(3);
		assertAccessible("the grid editor with a refusal");
	}

	@Test
	void aCityAdministratorAddsADistrict() {
		long city = this.geography.createCity("浏览器市" + Long.toString(System.nanoTime(), 36));
		String phone = person(Role.CITY_ADMINISTRATOR, city);
		signInInChinese(url(""), phone, Clients.DEMO_PASSWORD);
		this.browser.get(url("/city"));
		desktop();
		click("[data-testid=open-city-places]");
		WebElement field = visible("input[id^=new-district-]");
		assertAccessible("the city's places");
		field.sendKeys("新洲区");
		field.submit();
		this.wait.until(d -> d.findElements(By.cssSelector("input[id^=district-]")).stream()
			.anyMatch(input -> "新洲区".equals(input.getAttribute("value"))));
		assertAccessible("the city's places with a district");
	}

	/** The administrator's editors are made for a desktop screen: a 1280 × 900 viewport instead of the phone's. */
	private void desktop() {
		this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
		assertThat(this.browser.executeScript("return window.innerWidth")).isEqualTo(1280L);
	}

	/** Clicks the four corners of a square on the map, {@code size} pixels wide, from this offset from its centre, and the first again. */
	private void drawSquare(WebElement map, int x, int y, int size) {
		List<int[]> corners = List.of(new int[] { x, y }, new int[] { x + size, y }, new int[] { x + size, y + size },
				new int[] { x, y + size }, new int[] { x, y });
		for (int[] corner : corners) {
			new Actions(this.browser).moveToElement(map, corner[0], corner[1]).pause(150).click().perform();
		}
	}

	private long community() {
		String unique = Long.toString(System.nanoTime(), 36);
		long city = this.geography.createCity("画图市" + unique);
		long district = this.geography.createDistrict(city, "画图区");
		long street = this.geography.createStreet(district, "画图街道");
		return this.geography.createCommunity(street, "画图社区", "Asia/Shanghai");
	}

	private String person(Role role, long scope) {
		Account account = this.accounts.register(Clients.uniquePhone(), "管理员", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), role, scope);
		return account.phone();
	}

	private static String square(double lon, double lat) {
		return String.format(Locale.ROOT,
				"{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}", lon, lat, lon + 0.001, lat,
				lon + 0.001, lat + 0.001, lon, lat + 0.001, lon, lat);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
