package org.qibao.identity;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.shared.GlobalId;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts cannot be listed by counting through IDs: each is seen by its owner and its community's administrators. */
@QibaoTest
class AccountNodeVisibilityTests {

	private static final String NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Account { displayName roles { role } } } }";

	@LocalServerPort
	int port;

	@Test
	void nobodySignedOutSeesAnyAccountByCountingThroughIds() {
		List<String> ids = LongStream.rangeClosed(1, 100).mapToObj(key -> GlobalId.encode("Account", key)).toList();
		Clients.anonymous(this.port).document(NODES).variable("ids", ids).execute()
			.path("nodes").entityList(Object.class).hasSize(100)
			.satisfies(nodes -> assertThat(nodes).containsOnlyNulls());
		Clients.anonymous(this.port).document("query($id: ID!) { node(id: $id) { id } }").variable("id", ids.get(0))
			.execute()
			.path("node").valueIsNull();
	}

	@Test
	void aVolunteerSeesTheirOwnAccountButNotAnothers() {
		HttpGraphQlTester volunteer = Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE);
		String own = idOf(volunteer);
		String administrator = idOf(Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE));
		String captain = idOf(Clients.signedIn(this.port, Clients.CAPTAIN_PHONE));
		volunteer.document(NODES).variable("ids", List.of(own, administrator, captain)).execute()
			.path("nodes[0].id").entity(String.class).isEqualTo(own)
			.path("nodes[1]").valueIsNull()
			.path("nodes[2]").valueIsNull();
	}

	@Test
	void anAdministratorSeesTheVolunteersOfTheirCommunity() {
		String volunteer = idOf(Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE));
		Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE).document(NODES).variable("ids", List.of(volunteer))
			.execute()
			.path("nodes[0].id").entity(String.class).isEqualTo(volunteer)
			.path("nodes[0].roles[*].role").entityList(String.class).contains("VOLUNTEER");
	}

	private static String idOf(HttpGraphQlTester client) {
		return client.document("{ me { id } }").execute().path("me.id").entity(String.class).get();
	}

}
