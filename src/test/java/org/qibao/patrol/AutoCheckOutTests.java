package org.qibao.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.location.PatrolCoverage.Coverage;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.patrol.PatrolFixture.IN_DT01;
import static org.qibao.patrol.PatrolFixture.checkIn;
import static org.qibao.patrol.PatrolFixture.signUp;

/** After a shift's end plus grace: forgotten check-outs closed once, no-shows recorded once. */
@QibaoTest
@Import(PatrolTestConfiguration.class)
class AutoCheckOutTests {

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	ShiftCloser closer;

	@Autowired
	PatrolTestConfiguration.ChosenCoverage coverage;

	@Autowired
	PatrolTestConfiguration.VerifiedEvents verified;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PatrolTestConfiguration.AdministrativeActions actions;

	@Test
	void aForgottenCheckOutIsClosedOnceWhenTwoInstancesRunTheJobAtOnce() throws Exception {
		Crew crew = this.fixture.crew(2);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(1), 1, 7);
		signUp(crew.volunteer(0).client(this.port), shift);
		signUp(crew.volunteer(1).client(this.port), shift);
		checkIn(crew.volunteer(0).client(this.port), shift, IN_DT01, 10);
		this.coverage.choose(crew.volunteer(0).account().id(),
				new Coverage(IntStream.range(0, 60).boxed().toList(), 240, 0, 0, true));
		Instant afterGrace = shift.endsAt().plus(Duration.ofMinutes(31));
		CheckInTests.atOnce(() -> this.closer.closeOverdue(afterGrace), () -> this.closer.closeOverdue(afterGrace));
		Map<String, Object> closed = this.jdbc.sql("SELECT id, closed_how, checked_out_at FROM check_in WHERE shift_id = ?")
			.param(shift.id()).query().singleRow();
		assertThat(closed.get("closed_how")).isEqualTo("AUTOMATIC");
		long checkInId = ((Number) closed.get("id")).longValue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM attendance WHERE check_in_id = ?").param(checkInId)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(this.coverage.closes(checkInId)).isEqualTo(1);
		// the whole hour was covered: verified once, published once
		assertThat(this.verified.of(crew.volunteer(0).account().id())).singleElement()
			.satisfies(e -> assertThat(e.verifiedMinutes()).isEqualTo(60));
		// the volunteer who never came is a no-show, recorded once
		assertThat(this.jdbc.sql("SELECT account_id FROM no_show WHERE shift_id = ?").param(shift.id()).query(Long.class).list())
			.containsExactly(crew.volunteer(1).account().id());
	}

	@Test
	void aCheckInIsNotClosedBeforeTheGraceIsOver() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(1), 1, 7);
		signUp(crew.volunteer(0).client(this.port), shift);
		checkIn(crew.volunteer(0).client(this.port), shift, IN_DT01, 10);
		this.closer.closeOverdue(shift.endsAt().plus(Duration.ofMinutes(29)));
		assertThat(this.jdbc.sql("SELECT count(*) FROM check_in WHERE shift_id = ? AND checked_out_at IS NULL")
			.param(shift.id()).query(Integer.class).single()).isEqualTo(1);
		this.closer.closeOverdue(shift.endsAt().plus(Duration.ofMinutes(31)));
	}

	@Test
	void aCaptainSeesANoShowAndClearsItWithAReason() {
		Crew crew = this.fixture.crew(1);
		Shift shift = this.fixture.shift(crew, Duration.ofMinutes(5), Duration.ofHours(1), 1, 7);
		signUp(crew.volunteer(0).client(this.port), shift);
		this.closer.closeOverdue(shift.endsAt().plus(Duration.ofHours(1)));
		long noShowId = this.jdbc.sql("SELECT id FROM no_show WHERE shift_id = ?").param(shift.id()).query(Long.class).single();
		String id = GlobalId.encode("NoShow", noShowId);
		var captain = crew.captain().client(this.port);
		captain.document("{ noShows { id volunteer { displayName } } }").execute()
			.path("noShows[*].id").entityList(String.class).contains(id);
		String byId = "query($id: ID!) { node(id: $id) { ... on NoShow { shift { id } } } }";
		captain.document(byId).variable("id", id).execute().path("node.shift.id").entity(String.class).isEqualTo(GlobalId.encode("Shift", shift.id()));
		crew.volunteer(0).client(this.port).document(byId).variable("id", id).execute()
			.path("node.shift.id").entity(String.class).isEqualTo(GlobalId.encode("Shift", shift.id()));
		this.fixture.outsider().client(this.port).document(byId).variable("id", id).execute().path("node").valueIsNull();
		String clear = "mutation($input: NoShowClearInput!) { noShowClear(input: $input) { noShow { clearReason } userErrors { code } } }";
		crew.volunteer(0).client(this.port).document(clear).variable("input", Map.of("noShowId", id, "reason", "生病"))
			.execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		captain.document(clear).variable("input", Map.of("noShowId", id, "reason", "生病")).execute()
			.path("noShowClear.noShow.clearReason").entity(String.class).isEqualTo("生病");
		captain.document(clear).variable("input", Map.of("noShowId", id, "reason", "生病")).execute()
			.path("noShowClear.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_CLEARED");
		assertThat(this.actions.of("patrol.noShowClear", noShowId)).as("published once, for the clearing that happened")
			.singleElement().satisfies(a -> assertThat(a.after()).containsEntry("clearReason", "生病"));
		this.closer.closeOverdue(shift.endsAt().plus(Duration.ofHours(2)));
		assertThat(this.jdbc.sql("SELECT count(*) FROM no_show WHERE shift_id = ?").param(shift.id()).query(Integer.class)
			.single()).as("recorded once, however often the job runs").isEqualTo(1);
	}

}
