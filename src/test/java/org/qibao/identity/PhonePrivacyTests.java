package org.qibao.identity;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A phone number is shown to its owner and to administrators of their community, to no one else. */
@QibaoTest
class PhonePrivacyTests {

	private static final String TEAM_PHONES = """
			{ gridAt(point: {longitude: 114.353, latitude: 30.567}) {
			    community { teams { members { displayName phone roles { role } } } } } }""";

	@LocalServerPort
	int port;

	@Test
	void theCommunitysAdministratorSeesTheVolunteersPhones() {
		var phones = Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE)
			.document(TEAM_PHONES)
			.execute()
			.path("gridAt.community.teams[0].members[*].phone")
			.entityList(String.class)
			.get();
		assertThat(phones).contains(Clients.CAPTAIN_PHONE, Clients.VOLUNTEER_PHONE).doesNotContainNull();
	}

	@Test
	void aVolunteerSeesOnlyTheirOwnPhone() {
		var response = Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).document(TEAM_PHONES).execute();
		var members = response.path("gridAt.community.teams[0].members[*].displayName").entityList(String.class).get();
		var phones = response.path("gridAt.community.teams[0].members[*].phone").entityList(String.class).get();
		assertThat(members).hasSameSizeAs(phones);
		for (int i = 0; i < members.size(); i++) {
			if (members.get(i).equals("肖建国")) {
				assertThat(phones.get(i)).isEqualTo(Clients.VOLUNTEER_PHONE);
			}
			else {
				assertThat(phones.get(i)).as(members.get(i)).isNull();
			}
		}
	}

	@Test
	void anonymousCallersSeeNoPhones() {
		assertThat(Clients.anonymous(this.port)
			.document(TEAM_PHONES)
			.execute()
			.path("gridAt.community.teams[0].members[*].phone")
			.entityList(String.class)
			.get()).containsOnlyNulls();
	}

}
