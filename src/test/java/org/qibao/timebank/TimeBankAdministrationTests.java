package org.qibao.timebank;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.timebank.CorrectionDesk.codes;
import static org.qibao.timebank.CorrectionDesk.correction;

/**
 * A community's administrators keep to their own community's ledger, set the threshold above
 * which corrections need a second administrator, and every change they make is published.
 */
@QibaoTest
@Import(AdministrativeActionsRecorded.class)
class TimeBankAdministrationTests {

	private static final String POLICY = """
			mutation($input: TimeBankPolicyUpdateInput!) { timeBankPolicyUpdate(input: $input) {
			  policy { dailyEarningCap correctionApprovalThreshold } userErrors { code field } } }""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Geography geography;

	@Autowired
	PatrolEarnings earnings;

	@Autowired
	Courses courses;

	private TimeBankFixtures fixtures;

	private long community;

	private CorrectionDesk ownAdministrator;

	@BeforeEach
	void aCommunityOfItsOwnBesideDongting() {
		this.fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
		long street = this.jdbc.sql("SELECT street_id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		this.community = this.geography.createCommunity(street, "更正测试社区" + System.nanoTime(), "Asia/Shanghai");
		this.ownAdministrator = CorrectionDesk.administrator(this.accounts, this.port, this.community);
	}

	@Test
	void anotherCommunitysLedgerIsForbidden() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(200);
		CorrectionDesk dongting = CorrectionDesk.administrator(this.accounts, this.port, this.fixtures.dongting());
		List<Map<String, Object>> lines = CorrectionDesk.entries(dongting.passbook(volunteer.phone()));
		String earning = (String) lines.get(0).get("transferId");
		String pending = (String) correction(dongting.adjust(volunteer.accountId(), "CREDIT", 500, "补记")).get("id");

		forbidden(this.ownAdministrator.client.document("""
				mutation($input: TransferReverseInput!) { transferReverse(input: $input) { userErrors { code } } }""")
			.variable("input", Map.of("transferId", earning, "reason", "越权"))
			.execute());
		forbidden(this.ownAdministrator.client.document("""
				mutation($input: LedgerCorrectionApproveInput!) { ledgerCorrectionApprove(input: $input) { userErrors { code } } }""")
			.variable("input", Map.of("correctionId", pending))
			.execute());
		forbidden(this.ownAdministrator.client.document("""
				query($c: ID!) { communityPassbook(communityId: $c, phone: "13900000004") { balance } }""")
			.variable("c", GlobalId.encode("Community", this.fixtures.dongting()))
			.execute());
		assertThat(this.ownAdministrator.client.document("query($id: ID!) { node(id: $id) { id } }").variable("id", pending)
			.execute().path("node").valueIsNull());
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(200);
	}

	@Test
	void theThresholdIsSetOnThePolicyScreenAndHoldsAtItsBoundary() {
		Map<String, Object> input = policy(200, 30);
		this.ownAdministrator.client.document(POLICY).variable("input", input).execute()
			.path("timeBankPolicyUpdate.policy.correctionApprovalThreshold").entity(Integer.class).isEqualTo(30);
		input.remove("correctionApprovalThreshold");
		this.ownAdministrator.client.document(POLICY).variable("input", input).execute()
			.path("timeBankPolicyUpdate.policy.correctionApprovalThreshold").entity(Integer.class).isEqualTo(30);
		this.ownAdministrator.client.document(POLICY).variable("input", policy(200, 6001)).execute()
			.path("timeBankPolicyUpdate.userErrors[0].field").entityList(String.class)
			.containsExactly("input", "correctionApprovalThreshold");

		long volunteer = volunteerOfTheCommunity();
		assertThat(correction(this.ownAdministrator.adjust(volunteer, "CREDIT", 30, "刚好在门槛上")))
			.containsEntry("status", "APPLIED");
		assertThat(correction(this.ownAdministrator.adjust(volunteer, "CREDIT", 31, "超过门槛一分钟")))
			.containsEntry("status", "PENDING");

		List<AdministrativeAction> changes = AdministrativeActionsRecorded.by(this.ownAdministrator.accountId)
			.stream().filter(a -> a.action().equals("timebank.timeBankPolicyUpdate")).toList();
		assertThat(changes).hasSize(2);
		assertThat(changes.get(0).before()).containsEntry("correctionApprovalThreshold", 120).containsEntry("dailyEarningCap", 240);
		assertThat(changes.get(0).after()).containsEntry("correctionApprovalThreshold", 30).containsEntry("dailyEarningCap", 200);
		assertThat(changes.get(0).communityId()).isEqualTo(this.community);
	}

	@Test
	void aNewCourseIsPublishedForTheAuditLog() {
		CorrectionDesk dongting = CorrectionDesk.administrator(this.accounts, this.port, this.fixtures.dongting());
		String title = "剪纸 " + System.nanoTime() % 10000;
		dongting.client.document("""
				mutation($input: CourseCreateInput!) { courseCreate(input: $input) { course { id } userErrors { code } } }""")
			.variable("input", Map.of("schoolId", GlobalId.encode("School", this.fixtures.school()), "title", title,
					"startsAt", Instant.now().plusSeconds(86_400).toString(), "seats", 8, "priceMinutes", 60))
			.execute()
			.path("courseCreate.userErrors").entityList(Object.class).hasSize(0);
		assertThat(AdministrativeActionsRecorded.by(dongting.accountId)).singleElement().satisfies(action -> {
			assertThat(action.action()).isEqualTo("timebank.courseCreate");
			assertThat(action.subjectType()).isEqualTo("Course");
			assertThat(action.before()).isEmpty();
			assertThat(action.after()).containsEntry("title", title).containsEntry("seats", 8).containsEntry("priceMinutes", 60);
		});
	}

	private long volunteerOfTheCommunity() {
		Account person = this.accounts.register(Clients.uniquePhone(), "门槛志愿者", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(person.id(), Role.VOLUNTEER, this.community);
		return person.id();
	}

	private Map<String, Object> policy(int daily, Integer threshold) {
		Map<String, Object> input = new HashMap<>();
		input.put("communityId", GlobalId.encode("Community", this.community));
		input.put("dailyEarningCap", daily);
		input.put("totalEarningCap", null);
		input.put("giftMaxMinutes", 120);
		input.put("giftMonthlyMinutes", 300);
		input.put("correctionApprovalThreshold", threshold);
		return input;
	}

	private static void forbidden(GraphQlTester.Response response) {
		response.errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
	}

}
