package org.qibao.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.audit.AuditFixtures.Person;
import org.qibao.audit.AuditFixtures.Place;
import org.qibao.audit.AuditFixtures.Stored;
import org.qibao.identity.Role;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every administrative action of the merchant, casework and gamification modules leaves exactly
 * one entry, naming who made it, in which community, to what, and what changed.
 */
@QibaoTest
class AuditedActionsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private AuditFixtures fixtures;

	private Place place;

	private Person admin;

	@BeforeEach
	void fixtures() {
		this.fixtures = new AuditFixtures(this.context, this.port);
		this.place = this.fixtures.community();
		this.admin = this.fixtures.administrator(this.place);
	}

	@Test
	void aShopsStandingAndStaffChangesAreEachLoggedOnce() {
		Person owner = this.fixtures.person("店主", null, 0);
		Person clerk = this.fixtures.person("店员", null, 0);
		String shop = apply(owner, "审计理发店");
		String refused = apply(owner, "审计面馆");
		for (String decision : List.of("merchantApprove", "merchantSuspend", "merchantReinstate")) {
			mutate(this.admin, "MerchantInput", decision, "merchant { id }", Map.of("merchantId", shop));
		}
		mutate(this.admin, "MerchantRejectInput", "merchantReject", "merchant { id }",
				Map.of("merchantId", refused, "reason", "证照不全"));
		mutate(owner, "MerchantStaffAddInput", "merchantStaffAdd", "merchant { id }",
				Map.of("merchantId", shop, "phone", clerk.phone()));
		mutate(owner, "MerchantStaffRemoveInput", "merchantStaffRemove", "merchant { id }",
				Map.of("merchantId", shop, "accountId", clerk.id()));

		long shopId = GlobalId.keyOf(shop, "Merchant");
		assertThat(this.fixtures.entriesBy(this.admin)).extracting(Stored::action, Stored::subjectId, Stored::before,
				Stored::after)
			.containsExactly(
					tuple("merchant.merchantApprove", shopId, Map.of("status", "PENDING"), Map.of("status", "APPROVED")),
					tuple("merchant.merchantSuspend", shopId, Map.of("status", "APPROVED"), Map.of("status", "SUSPENDED")),
					tuple("merchant.merchantReinstate", shopId, Map.of("status", "SUSPENDED"), Map.of("status", "APPROVED")),
					tuple("merchant.merchantReject", GlobalId.keyOf(refused, "Merchant"), Map.of("status", "PENDING"),
							Map.of("status", "REJECTED", "rejectionReason", "证照不全")));
		assertThat(this.fixtures.entriesBy(owner)).extracting(Stored::action, Stored::subjectType, Stored::subjectId,
				e -> e.before().get("merchantStaff"), e -> e.after().get("merchantStaff"))
			.containsExactly(tuple("merchant.merchantStaffAdd", "Account", clerk.account().id(), false, true),
					tuple("merchant.merchantStaffRemove", "Account", clerk.account().id(), true, false));
		assertThat(this.fixtures.entriesBy(this.admin)).allSatisfy(e -> assertThat(e.communityId()).isEqualTo(this.place.communityId()));
	}

	@Test
	void caseworkSetupAndExtensionDecisionsAreEachLoggedOnceWithWhatChanged() {
		Map<String, Object> created = mutate(this.admin, "CaseCategoryCreateInput", "caseCategoryCreate", "category { id }",
				Map.of("communityId", this.place.id(), "nameZh", "犬只", "nameEn", "Dogs", "serviceCode", "dogs",
						"acceptWithinMinutes", 60, "resolveWithinMinutes", 600));
		String category = ((Map<?, ?>) created.get("category")).get("id").toString();
		mutate(this.admin, "CaseCategoryUpdateInput", "caseCategoryUpdate", "category { id }", Map.of("categoryId", category,
				"nameZh", "犬只", "nameEn", "Dog nuisance", "acceptWithinMinutes", 30, "resolveWithinMinutes", 600));
		mutate(this.admin, "CaseCategoryRetireInput", "caseCategoryRetire", "category { id }", Map.of("categoryId", category));
		mutate(this.admin, "CaseCategoryRetireInput", "caseCategoryRetire", "category { id }", Map.of("categoryId", category));
		mutate(this.admin, "DepartmentCreateInput", "departmentCreate", "department { id }",
				Map.of("communityId", this.place.id(), "name", "城管中队", "memberIds", List.of(this.admin.id())));
		Map<String, Object> issued = mutate(this.admin, "Open311KeyIssueInput", "open311KeyIssue", "key { id }",
				Map.of("communityId", this.place.id(), "label", "城市平台"));
		String key = ((Map<?, ?>) issued.get("key")).get("id").toString();
		for (int i = 0; i < 2; i++) {
			mutate(this.admin, "Open311KeyRevokeInput", "open311KeyRevoke", "key { id }", Map.of("keyId", key));
		}
		String caseId = extensionGranted();

		long categoryId = GlobalId.keyOf(category, "CaseCategory");
		List<Stored> entries = this.fixtures.entriesBy(this.admin);
		assertThat(entries).extracting(Stored::action)
			.containsExactly("casework.caseCategoryCreate", "casework.caseCategoryUpdate", "casework.caseCategoryRetire",
					"casework.departmentCreate", "casework.open311KeyIssue", "casework.open311KeyRevoke",
					"casework.caseExtensionDecide");
		assertThat(entries.get(0).after()).containsEntry("serviceCode", "dogs").containsEntry("nameEn", "Dogs");
		assertThat(entries.get(1)).extracting(Stored::subjectId, Stored::before, Stored::after)
			.containsExactly(categoryId, Map.of("nameEn", "Dogs", "acceptWithinMinutes", 60),
					Map.of("nameEn", "Dog nuisance", "acceptWithinMinutes", 30));
		assertThat(entries.get(2).after()).isEqualTo(Map.of("retired", true));
		assertThat(entries.get(3).after()).isEqualTo(Map.of("name", "城管中队", "memberCount", 1));
		assertThat(entries.get(5).after()).containsEntry("revoked", true);
		assertThat(entries.get(6)).extracting(Stored::subjectType, Stored::subjectId)
			.containsExactly("Case", GlobalId.keyOf(caseId, "Case"));
		assertThat(entries.get(6).before()).containsEntry("extension", "REQUESTED");
		assertThat(entries.get(6).after()).containsEntry("extension", "GRANTED");
	}

	@Test
	void recognitionSettingsAreEachLoggedOnceWithWhatChanged() {
		String month = YearMonth.now().toString();
		Map<String, Object> goal = Map.of("communityId", this.place.id(), "month", month, "metric", "PATROLS", "target",
				10, "titleZhCN", "巡逻十次", "titleEn", "Ten patrols");
		mutate(this.admin, "CommunityGoalSetInput", "communityGoalSet", "goal { target }", goal);
		Map<String, Object> raised = new HashMap<>(goal);
		raised.put("target", 20);
		mutate(this.admin, "CommunityGoalSetInput", "communityGoalSet", "goal { target }", raised);
		mutate(this.admin, "LevelsSetInput", "levelsSet", "levels { number }", Map.of("communityId", this.place.id(),
				"levels", List.of(Map.of("threshold", 0, "nameZhCN", "新人", "nameEn", "New"),
						Map.of("threshold", 100, "nameZhCN", "熟手", "nameEn", "Skilled"))));
		Map<String, Object> badge = mutate(this.admin, "BadgeCreateInput", "badgeCreate", "badge { id }",
				Map.of("communityId", this.place.id(), "key", "audited-patrol", "nameZhCN", "首次巡逻", "nameEn", "First patrol",
						"descriptionZhCN", "巡逻一次。", "descriptionEn", "Patrolled once.", "rule",
						Map.of("metric", "PATROLS", "threshold", 1)));
		String badgeId = ((Map<?, ?>) badge.get("badge")).get("id").toString();
		mutate(this.admin, "BadgeUpdateInput", "badgeUpdate", "badge { id }", Map.of("badgeId", badgeId, "active", false));
		mutate(this.admin, "LeaderboardRebuildInput", "leaderboardRebuild", "volunteers",
				Map.of("cityId", GlobalId.encode("City", this.place.cityId())));
		Person captain = streakPaused();

		List<Stored> entries = this.fixtures.entriesBy(this.admin);
		assertThat(entries).extracting(Stored::action)
			.containsExactly("gamification.communityGoalSet", "gamification.communityGoalSet", "gamification.levelsSet",
					"gamification.badgeCreate", "gamification.badgeUpdate", "gamification.leaderboardRebuild");
		assertThat(entries.get(0).before()).isEmpty();
		assertThat(entries.get(1)).extracting(Stored::before, Stored::after)
			.containsExactly(Map.of("target", 10), Map.of("target", 20));
		assertThat(entries.get(2).before().get("levels").toString()).doesNotContain("Skilled");
		assertThat(entries.get(2).after().get("levels").toString()).contains("Skilled");
		assertThat(entries.get(3).after()).containsEntry("nameEn", "First patrol");
		assertThat(entries.get(4)).extracting(Stored::before, Stored::after)
			.containsExactly(Map.of("active", true), Map.of("active", false));
		assertThat(entries.get(5)).extracting(Stored::communityId, Stored::subjectType, Stored::subjectId)
			.as("a rebuild is a city's, above communities").containsExactly(null, "City", this.place.cityId());
		assertThat(this.fixtures.entriesBy(captain)).extracting(Stored::action, e -> e.after().get("reason"))
			.containsExactly(tuple("gamification.streakPauseSet", "住院"));
	}

	private String apply(Person owner, String name) {
		Map<String, Object> input = new HashMap<>();
		input.put("communityId", this.place.id());
		input.put("name", name + " " + System.nanoTime());
		input.put("category", "BARBER");
		input.put("address", "审计路 1 号");
		input.put("location", AuditFixtures.IN_GRID);
		input.put("contactPhone", "027-8888 6666");
		Map<String, Object> applied = mutate(owner, "MerchantApplyInput", "merchantApply", "merchant { id }", input);
		return ((Map<?, ?>) applied.get("merchant")).get("id").toString();
	}

	/** A case of the community whose handler asked for three more days, granted by the administrator; its ID. */
	private String extensionGranted() {
		Person worker = this.fixtures.person("网格员", Role.GRID_WORKER, this.place.gridId());
		Person reporter = this.fixtures.person("居民", Role.VOLUNTEER, this.place.communityId());
		String category = reporter.client()
			.document("query($c: ID!) { caseCategories(communityId: $c) { id serviceCode } }")
			.variable("c", this.place.id())
			.execute()
			.path("caseCategories[?(@.serviceCode == 'damaged-facility')].id")
			.entityList(String.class)
			.get()
			.get(0);
		String fields = "case { id version dueAt }";
		Map<String, Object> c = caseOf(mutate(reporter, "CaseReportInput", "caseReport", fields,
				Map.of("reportId", UUID.randomUUID().toString(), "categoryId", category, "description", "栏杆损坏",
						"position", AuditFixtures.IN_GRID)));
		c = caseOf(mutate(worker, "CaseStepInput", "caseAccept", fields, versioned(c)));
		Map<String, Object> dispatch = versioned(c);
		dispatch.put("handlerId", worker.id());
		c = caseOf(mutate(worker, "CaseDispatchInput", "caseDispatch", fields, dispatch));
		c = caseOf(mutate(worker, "CaseStepInput", "caseStart", fields, versioned(c)));
		Map<String, Object> request = versioned(c);
		request.put("until", Instant.parse(c.get("dueAt").toString()).plus(Duration.ofDays(3)).toString());
		request.put("reason", "需要等配件");
		c = caseOf(mutate(worker, "CaseExtensionRequestInput", "caseExtensionRequest", fields, request));
		Map<String, Object> decision = versioned(c);
		decision.put("grant", true);
		return caseOf(mutate(this.admin, "CaseExtensionDecideInput", "caseExtensionDecide", fields, decision)).get("id")
			.toString();
	}

	/** A captain of a team in the community pauses a member's streak; the captain. */
	private Person streakPaused() {
		Teams teams = this.context.getBean(Teams.class);
		Team team = teams.create(this.place.communityId(), "审计一队", List.of());
		Person member = this.fixtures.person("队员", Role.VOLUNTEER, this.place.communityId());
		teams.addMember(team.id(), member.account().id());
		Person captain = this.fixtures.person("队长", Role.CAPTAIN, team.id());
		mutate(captain, "StreakPauseSetInput", "streakPauseSet", "pause { reason }",
				Map.of("teamId", GlobalId.encode("Team", team.id()), "accountId", member.id(), "from", "2026-12-01",
						"until", "2026-12-20", "reason", "住院"));
		return captain;
	}

	/** Runs the mutation and expects it to succeed: no user errors. */
	private static Map<String, Object> mutate(Person person, String inputType, String mutation, String selection,
			Map<String, Object> input) {
		HttpGraphQlTester client = person.client();
		Map<String, Object> payload = AuditFixtures.payload(client, "mutation($input: " + inputType + "!) { " + mutation
				+ "(input: $input) { " + selection + " userErrors { code message } } }", input, mutation);
		assertThat(payload.get("userErrors")).as(mutation).isEqualTo(List.of());
		return payload;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> caseOf(Map<String, Object> payload) {
		return (Map<String, Object>) payload.get("case");
	}

	private static Map<String, Object> versioned(Map<String, Object> c) {
		Map<String, Object> input = new HashMap<>();
		input.put("caseId", c.get("id"));
		input.put("expectedVersion", c.get("version"));
		return input;
	}

}
