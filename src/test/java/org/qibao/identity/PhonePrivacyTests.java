package org.qibao.identity;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	Accounts accounts;

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
		assertThat(members).as("a member sees the team").contains("肖建国").hasSameSizeAs(phones);
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
	void anonymousCallersSeeHowManyPatrolNotWhoNorTheirPhones() {
		var response = Clients.anonymous(this.port)
			.document("{ gridAt(point: {longitude: 114.353, latitude: 30.567}) { community { teams { memberCount members { phone } } } } }")
			.execute();
		assertThat(response.path("gridAt.community.teams[0].memberCount").entity(Integer.class).get()).isPositive();
		assertThat(response.path("gridAt.community.teams[0].members").entityList(Object.class).get()).isEmpty();
	}

	@Test
	void theGridWorkerOfTheTeamsGridsSeesWhoPatrolsButNotTheirPhones() {
		var response = Clients.signedIn(this.port, "13900000002").document(TEAM_PHONES).execute();
		assertThat(response.path("gridAt.community.teams[0].members[*].displayName").entityList(String.class).get())
			.contains("肖建国");
		assertThat(response.path("gridAt.community.teams[0].members[*].phone").entityList(String.class).get())
			.containsOnlyNulls();
	}

	@Test
	void aVolunteerOfAnotherCommunitySeesNoMembers() {
		String phone = Clients.uniquePhone();
		Account stranger = this.accounts.register(phone, "外人", Clients.DEMO_PASSWORD, "zh-CN");
		assertThat(stranger.id()).isPositive();
		assertThat(Clients.signedIn(this.port, phone).document(TEAM_PHONES).execute()
			.path("gridAt.community.teams[0].members").entityList(Object.class).get()).isEmpty();
	}

}
