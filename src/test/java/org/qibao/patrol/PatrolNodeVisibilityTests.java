package org.qibao.patrol;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.patrol.PatrolFixture.Crew;
import org.qibao.patrol.PatrolFixture.Person;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.qibao.patrol.PatrolFixture.IN_DT01;
import static org.qibao.patrol.PatrolFixture.checkIn;
import static org.qibao.patrol.PatrolFixture.signUp;

/**
 * A volunteer's sign-up, check-in and attendance resolve by ID for them and for those who see
 * them on the shift (team-mates see who signed up; captains see everything), and for nobody else.
 */
@QibaoTest
@Import(PatrolTestConfiguration.class)
class PatrolNodeVisibilityTests {

	private static final String NODES = """
			query($ids: [ID!]!) { nodes(ids: $ids) { id __typename
			  ... on ShiftSignup { signupStatus: status volunteer { displayName } }
			  ... on CheckIn { checkedInAt }
			  ... on Attendance { status checkedInMinutes } } }""";

	@LocalServerPort
	int port;

	@Autowired
	PatrolFixture fixture;

	@Autowired
	CheckIns checkIns;

	@Autowired
	PatrolQueries queries;

	@Test
	void personalRecordsResolveForThoseAllowedAndAreNullForEveryoneElse() {
		Crew crew = this.fixture.crew(2);
		Person volunteer = crew.volunteer(0);
		Shift shift = this.fixture.shift(crew, Duration.ofSeconds(-1), Duration.ofHours(1), 1, 7);
		HttpGraphQlTester phone = volunteer.client(this.port);
		String signupId = signUp(phone, shift).path("shiftSignUp.signup.id").entity(String.class).get();
		String checkInId = checkIn(phone, shift, IN_DT01, 10).path("shiftCheckIn.checkIn.id").entity(String.class).get();
		CheckIn closed = this.checkIns.checkOut(shift.id(), volunteer.account().id(), new CheckIns.Fix(IN_DT01, 10.0), null,
				shift.endsAt().plusSeconds(60));
		String attendanceId = GlobalId.encode("Attendance",
				this.queries.attendancesOfCheckIns(List.of(closed.id())).get(closed.id()).id());
		List<String> ids = List.of(signupId, checkInId, attendanceId);

		for (HttpGraphQlTester stranger : List.of(Clients.anonymous(this.port), this.fixture.outsider().client(this.port),
				this.fixture.crew(0).captain().client(this.port))) {
			seen(stranger, ids, false, false, false);
		}
		seen(phone, ids, true, true, true);
		seen(crew.captain().client(this.port), ids, true, true, true);
		seen(crew.volunteer(1).client(this.port), ids, true, false, false);
		phone.document(NODES).variable("ids", ids).execute()
			.path("nodes[0].__typename").entity(String.class).isEqualTo("ShiftSignup")
			.path("nodes[0].volunteer.displayName").entity(String.class).isEqualTo(volunteer.account().displayName())
			.path("nodes[1].__typename").entity(String.class).isEqualTo("CheckIn")
			.path("nodes[2].__typename").entity(String.class).isEqualTo("Attendance");
	}

	private void seen(HttpGraphQlTester client, List<String> ids, boolean signup, boolean checkIn, boolean attendance) {
		var response = client.document(NODES).variable("ids", ids).execute();
		boolean[] expected = { signup, checkIn, attendance };
		for (int i = 0; i < expected.length; i++) {
			if (expected[i]) {
				response.path("nodes[" + i + "].id").entity(String.class).isEqualTo(ids.get(i));
			}
			else {
				response.path("nodes[" + i + "]").valueIsNull();
			}
		}
	}

}
