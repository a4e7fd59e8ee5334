package org.qibao.location;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.qibao.Clients;
import org.qibao.identity.Accounts;
import org.qibao.location.Patrol.Volunteer;
import org.qibao.webclient.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid worker's live map, in a real (headless) Chromium, follows a patroller as they move and leave. */
@LocationTest
class LiveMapInTheBrowserTests extends BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestCheckIns checkIns;

	@Autowired
	PatrolCoverage coverage;

	@Test
	void theGridWorkersMapShowsAPatrollerMoveLiveAndLeaveAtCheckOut() {
		// an open case of the grid, shown on the map beside the patrollers
		String incident = "井盖松动" + (System.nanoTime() % 100_000);
		reportCase(incident);
		signIn("13900000002");
		this.browser.get("http://localhost:" + this.port + "/grid-worker");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=live-map]")));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=live-map] path")));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("[data-testid=live-map] .incident-marker[title='" + incident + "']")));
		assertAccessible("the grid worker's live map");

		Patrol patrol = new Patrol(this.port, this.jdbc, this.accounts, this.checkIns);
		// a name of this run's own: earlier runs' patrollers may still be on the map
		String name = "巡逻员" + (System.nanoTime() % 100_000);
		Volunteer volunteer = patrol.checkedIn(name);
		Instant start = Instant.now().minusSeconds(120);
		// the subscription opens once the map has loaded; report until the map has it, as a phone keeps reporting
		for (int step = 0; step < 40 && !listed(name); step++) {
			volunteer.report(Patrol.east(Patrol.IN_DT01, step * 2), start.plusSeconds(step * 6L));
			sleep(250);
		}
		assertThat(listed(name)).as("the patroller appears in the list").isTrue();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=live-map]"),
				name));
		// the walk above was a few minutes ago, so the dot is grey; a fresh move turns it blue, elsewhere
		List<String> before = dots("patroller-stale");
		assertThat(before).as("the patroller's grey dot").isNotEmpty();
		volunteer.report(Patrol.east(Patrol.IN_DT01, 150), Instant.now());
		this.wait.until(driver -> dots("patroller-live").stream().anyMatch(dot -> !before.contains(dot)));

		this.checkIns.checkOut(volunteer.checkIn);
		this.coverage.close(volunteer.checkIn.checkInId());
		this.wait.until(driver -> !listed(name));
	}

	private void reportCase(String description) {
		var volunteer = Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE);
		String community = volunteer.document("{ gridAt(point: {longitude: 114.3530, latitude: 30.5675}) { community { id } } }")
			.execute().path("gridAt.community.id").entity(String.class).get();
		String category = volunteer.document("query($c: ID!) { caseCategories(communityId: $c) { id } }")
			.variable("c", community).execute().path("caseCategories[0].id").entity(String.class).get();
		volunteer.document("mutation($input: CaseReportInput!) { caseReport(input: $input) { case { id } userErrors { code } } }")
			.variable("input", java.util.Map.of("reportId", java.util.UUID.randomUUID().toString(), "categoryId", category,
					"description", description, "position", java.util.Map.of("longitude", 114.3530, "latitude", 30.5675)))
			.execute().path("caseReport.userErrors").entityList(Object.class).hasSize(0);
	}

	/**
	 * Where the map draws the dots of this class, as SVG path data; read in one script, since the map
	 * draws its dots anew with every update.
	 */
	@SuppressWarnings("unchecked")
	private List<String> dots(String className) {
		return (List<String>) this.browser.executeScript(
				"return [...document.querySelectorAll('[data-testid=live-map] path.' + arguments[0])].map(p => p.getAttribute('d'))",
				className);
	}

	private boolean listed(String name) {
		// in one script, since the list re-renders with every update
		return Boolean.TRUE.equals(this.browser.executeScript(
				"return [...document.querySelectorAll('[data-testid=patroller]')].some(e => e.textContent.includes(arguments[0]))",
				name));
	}

	private void signIn(String phone) {
		this.browser.get("http://localhost:" + this.port + "/login");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone"))).sendKeys(phone);
		this.browser.findElement(By.id("password")).sendKeys(Clients.DEMO_PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=home-greeting]")));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
