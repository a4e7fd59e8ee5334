package org.qibao.webclient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The captain prints a checkpoint's QR code from the roster; a volunteer on patrol holds the phone's camera
 * (Chromium's fake one, filming that QR code) over it and the visit is recorded. Refused the camera, the
 * screen says so and offers typing.
 */
@QibaoTest
class CheckpointScanInTheBrowserTests extends BrowserTest {

	private static final String PASSWORD = "browser-checkpoint-1";

	private static final GeoPoint IN_DT01 = new GeoPoint(114.353, 30.567);

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Teams teams;

	@Autowired
	Geography geography;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVolunteerOnPatrolScansTheCheckpointPlaqueWithTheCamera() {
		Grid dt01 = this.geography.gridAt(IN_DT01).orElseThrow();
		Team team = this.teams.create(dt01.communityId(), "扫码队" + System.nanoTime() % 1_000_000L, List.of(dt01.id()));
		String captainPhone = person("钱队长", team);
		this.accounts.grant(accountOf(captainPhone).id(), Role.CAPTAIN, team.id());
		String volunteerPhone = person("孙阿姨", team);
		PlannedShift shift = createShiftWithCheckpoint(captainPhone, team, dt01, "3 栋门口");
		Clients.signedIn(this.port, volunteerPhone, PASSWORD)
			.document("mutation($input: ShiftSignUpInput!) { shiftSignUp(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("shiftId", shift.id()))
			.execute()
			.path("shiftSignUp.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		// the captain prints the plaque's QR code from the roster
		signIn(captainPhone);
		this.browser.get(url("/captain/schedule"));
		WebElement plaque = visible("[data-testid=checkpoint-plaque]");
		assertThat(plaque.getText()).contains("3 栋门口", shift.plaqueCode());
		String printed = visible("[data-testid=checkpoint-plaque-qr]").getAttribute("src");

		// and it hangs in front of the volunteer's camera
		useCamera(FakeCamera.filmingImage(printed));
		signIn(volunteerPhone);
		this.browser.executeCdpCommand("Browser.grantPermissions",
				Map.of("origin", url(""), "permissions", List.of("geolocation")));
		this.browser.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", IN_DT01.latitude(), "longitude", IN_DT01.longitude(), "accuracy", 12));
		this.browser.get(url("/volunteer/check-in"));
		click("[data-testid=check-in]");
		assertThat(visible("[data-testid=on-patrol]").getText()).contains("巡逻中");
		assertThat(visible("[data-testid=checkpoint-code]").isEnabled()).isTrue();

		// refused the camera first: the screen says so, and typing is offered
		Browser.allowCamera(this.browser, url(""), false);
		click("[data-testid=checkpoint-scan]");
		assertThat(visible("[data-testid=qr-scanner-problem]").getText()).contains("本应用未获准使用相机");
		click("[data-testid=qr-scanner-close]");
		assertThat(visible("[data-testid=checkpoint-code]").isEnabled()).isTrue();

		// allowed in the browser's settings, the camera reads the plaque at once
		Browser.allowCamera(this.browser, url(""), true);
		click("[data-testid=checkpoint-scan]");
		assertThat(scanned(this.browser, this.wait, "[data-testid=checkpoint-message]")
			.getText()).isEqualTo("已记录巡逻点：3 栋门口");
		assertThat(visible("[data-testid=checkpoints-visited]").getText()).isEqualTo("已到巡逻点：3 栋门口");
		// the camera is closed again and the code can still be typed
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=checkpoint-scanner]"))).isEmpty();
		assertThat(visible("[data-testid=checkpoint-code]").isEnabled()).isTrue();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM checkpoint_visit v JOIN check_in c ON c.id = v.check_in_id
				WHERE c.shift_id = ?""").param(GlobalId.keyOf(shift.id(), "Shift")).query(Integer.class).single())
			.isEqualTo(1);
	}

	/** A shift and the code its checkpoint's plaque carries (shown to captains only). */
	private record PlannedShift(String id, String plaqueCode) {
	}

	/** A shift that started 10 minutes ago, with one checkpoint here. */
	private PlannedShift createShiftWithCheckpoint(String captainPhone, Team team, Grid grid, String checkpoint) {
		Instant start = Instant.now().minus(Duration.ofMinutes(10));
		var response = Clients.signedIn(this.port, captainPhone, PASSWORD)
			.document("""
					mutation($input: ShiftCreateInput!) {
					  shiftCreate(input: $input) { shift { id checkpoints { code } } userErrors { code } } }""")
			.variable("input", Map.of("teamId", GlobalId.encode("Team", team.id()), "gridIds",
					List.of(GlobalId.encode("Grid", grid.id())), "startsAt", start.toString(), "endsAt",
					start.plus(Duration.ofHours(1)).toString(), "minPatrollers", 1, "maxPatrollers", 7, "checkpoints",
					List.of(Map.of("name", checkpoint, "position",
							Map.of("longitude", IN_DT01.longitude(), "latitude", IN_DT01.latitude())))))
			.execute();
		String id = response.path("shiftCreate.shift.id").entity(String.class).get();
		String code = response.path("shiftCreate.shift.checkpoints[0].code").entity(String.class).get();
		return new PlannedShift(id, code);
	}

	private String person(String name, Team team) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, name, PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.VOLUNTEER, team.communityId());
		this.teams.addMember(team.id(), account.id());
		return phone;
	}

	private Account accountOf(String phone) {
		long id = this.jdbc.sql("SELECT id FROM account WHERE phone = ?").param(phone).query(Long.class).single();
		return this.accounts.findAll(List.of(id)).get(id);
	}

	private void signIn(String phone) {
		signInInChinese(url(""), phone, PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
