package org.qibao.timebank;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A volunteer reads their passbook line by line, prints it and exports it; administrators see the totals. */
@QibaoTest
class PassbookTests {

	private static final String PASSBOOK = """
			query($after: String) { passbook { balance available heldMinutes honourMinutes owner { displayName } community { name }
			  entries(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
			    nodes { kind minutes balanceAfter counterparty at } } } }""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	PatrolEarnings earnings;

	@Autowired
	Courses courses;

	private TimeBankFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
	}

	@Test
	void everyEntryShowsItsRunningBalanceNewestFirstInPages() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(120);
		this.earnings.credit(this.fixtures.attendance(volunteer.accountId(), 30, Instant.now()));
		Course course = this.fixtures.course(5, 50);
		this.courses.enrol(volunteer.accountId(), course.id(), "passbook-" + course.id());
		HttpGraphQlTester client = Clients.signedIn(this.port, volunteer.phone());
		String cursor = client.document(PASSBOOK).execute()
			.path("passbook.balance").entity(Integer.class).isEqualTo(100)
			.path("passbook.available").entity(Integer.class).isEqualTo(100)
			.path("passbook.community.name").entity(String.class).isEqualTo("东亭社区")
			.path("passbook.entries.totalCount").entity(Integer.class).isEqualTo(3)
			.path("passbook.entries.nodes[*].kind").entityList(String.class).containsExactly("SCHOOL_ENROLMENT", "PATROL_EARNING")
			.path("passbook.entries.nodes[*].minutes").entityList(Integer.class).containsExactly(-50, 30)
			.path("passbook.entries.nodes[*].balanceAfter").entityList(Integer.class).containsExactly(100, 150)
			.path("passbook.entries.nodes[*].counterparty").entityList(String.class).containsExactly("东亭社区学校", "东亭社区")
			.path("passbook.entries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("passbook.entries.pageInfo.endCursor").entity(String.class).get();
		client.document(PASSBOOK).variable("after", cursor).execute()
			.path("passbook.entries.nodes[*].balanceAfter").entityList(Integer.class).containsExactly(120)
			.path("passbook.entries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void thePassbookExportsAsCsvForItsOwnerOnly() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(80);
		String token = Clients.token(this.port, volunteer.phone(), Clients.DEMO_PASSWORD);
		byte[] body = Clients.http(this.port).get().uri("/passbook.csv").header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("text/csv")
			.expectBody().returnResult().getResponseBody();
		List<String> lines = new String(body, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
		assertThat(lines.get(0)).endsWith("time,kind,counterparty,minutes,balance_after");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains("PATROL_EARNING", "\"东亭社区\"", ",80,80");
		Clients.http(this.port).get().uri("/passbook.csv").exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aPersonWithoutAnyMinutesHasAnEmptyPassbook() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		Clients.signedIn(this.port, volunteer.phone()).document(PASSBOOK).execute()
			.path("passbook.balance").entity(Integer.class).isEqualTo(0)
			.path("passbook.entries.totalCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void anotherCommunitysPassbookIsForbiddenAndSigningInIsRequired() {
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE)
			.document("{ passbook(communityId: \"" + GlobalId.encode("Community", 999_999) + "\") { balance } }")
			.execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		Clients.anonymous(this.port).document("{ passbook { balance } }").execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
	}

	@Test
	void anAdministratorSeesTheCommunitysMinutesByMonth() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		this.courses.enrol(volunteer.accountId(), this.fixtures.course(3, 40).id(), "overview-" + volunteer.accountId());
		String community = GlobalId.encode("Community", this.fixtures.dongting());
		String query = "{ timeBankOverview(communityId: \"" + community + "\") { issued spent outstanding community { name } months { month issued spent outstanding } } }";
		var response = Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE).document(query).execute();
		int issued = response.path("timeBankOverview.issued").entity(Integer.class).get();
		int spent = response.path("timeBankOverview.spent").entity(Integer.class).get();
		response.path("timeBankOverview.outstanding").entity(Integer.class).isEqualTo(issued - spent);
		response.path("timeBankOverview.months[0].outstanding").entity(Integer.class).isEqualTo(issued - spent);
		assertThat(spent).isGreaterThanOrEqualTo(40);
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).document(query).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
	}

}
