package org.qibao.casework;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.QibaoTest;
import org.qibao.casework.CaseFixtures.Person;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.qibao.casework.CaseFixtures.caseOf;
import static org.qibao.casework.CaseFixtures.errorCode;
import static org.qibao.casework.CaseFixtures.errorMessage;
import static org.qibao.casework.CaseFixtures.plainStep;
import static org.qibao.casework.CaseFixtures.step;

/** A case goes through the city's seven steps, each by the person whose step it is, once. */
@QibaoTest
class CaseWorkflowTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private CaseFixtures fixtures;

	private Person reporter;

	private Person gridWorker;

	@BeforeEach
	void people() {
		this.fixtures = new CaseFixtures(this.context, this.port);
		this.reporter = this.fixtures.volunteer("黄慧兰");
		this.gridWorker = this.fixtures.gridWorker("鲁网格", "DT-01");
	}

	@Test
	void aCaseGoesFromReportToCloseAndEveryStepIsOnTheTimelineAndTheReporterHearsOfEach() {
		Map<String, Object> c = this.fixtures.reported(this.reporter, "路灯不亮");
		c = caseOf(plainStep(this.gridWorker, "caseAccept", c, "立案"));
		assertThat(c).containsEntry("stage", "ACCEPTED").containsEntry("version", 2);
		c = caseOf(dispatch(c, this.gridWorker, this.gridWorker.id(), null));
		assertThat(c).containsEntry("stage", "DISPATCHED");
		assertThat(c.get("handler").toString()).contains("鲁网格");
		c = caseOf(plainStep(this.gridWorker, "caseStart", c, null));
		assertThat(c).containsEntry("stage", "IN_PROGRESS");
		String evidence = this.fixtures.uploadedPhoto(this.gridWorker);
		c = caseOf(resolve(c, this.gridWorker, "已更换灯泡", List.of(evidence)));
		assertThat(c).containsEntry("stage", "RESOLVED").containsEntry("dueAt", null);
		c = caseOf(plainStep(this.gridWorker, "caseVerify", c, "现场核查已亮"));
		assertThat(c).containsEntry("stage", "VERIFIED");
		// the verified report earns its reporter recognition, once the case's transaction has committed
		long caseKey = GlobalId.keyOf(c.get("id").toString(), "Case");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				this.context.getBean(JdbcClient.class)
					.sql("SELECT count(*) FROM points_entry WHERE source = 'VERIFIED_REPORT' AND source_id = ? AND account_id = ?")
					.params(caseKey, this.reporter.account().id()).query(Integer.class).single()).isEqualTo(1));
		c = caseOf(close(c, this.reporter, 5));
		assertThat(c).containsEntry("stage", "CLOSED").containsEntry("satisfaction", 5);

		List<Map<String, Object>> timeline = timeline(this.reporter, c.get("id").toString());
		assertThat(timeline).extracting(e -> e.get("kind")).containsExactly("REPORTED", "ACCEPTED", "DISPATCHED",
				"STARTED", "RESOLVED", "VERIFIED", "CLOSED");
		assertThat(timeline.get(4).get("note")).isEqualTo("已更换灯泡");
		assertThat(timeline.get(4).get("photos").toString()).contains(evidence);
		assertThat(timeline.get(0).get("photos").toString()).doesNotContain(evidence);
		assertThat(timeline.get(1).get("actor")).isEqualTo(Map.of("displayName", "鲁网格"));
		List<String> told = this.reporter.client()
			.document("{ myCaseNotifications(first: 20) { totalCount nodes { kind stage case { id } } } }")
			.execute()
			.path("myCaseNotifications.nodes[*].kind")
			.entityList(String.class)
			.get();
		assertThat(told).containsExactly("VERIFIED", "RESOLVED", "STARTED", "DISPATCHED", "ACCEPTED");
		assertThat(this.fixtures.count("SELECT count(*) FROM case_feed_outbox WHERE case_id = ?", key(c)))
			.as("every event is in the feed's outbox too").isEqualTo(7);
		assertThat(this.fixtures.count("""
				SELECT count(*) FROM case_feed_outbox o JOIN case_event e ON e.case_id = o.case_id
				WHERE o.case_id = ? AND o.type = 'case.' || lower(e.kind)""", key(c))).isEqualTo(7);
	}

	@Test
	void aReopenedCaseIsReworkedAndVerified() {
		Map<String, Object> c = inProgress();
		c = caseOf(resolve(c, this.gridWorker, "处理了", List.of()));
		c = caseOf(plainStep(this.gridWorker, "caseReopen", c, "还没修好"));
		assertThat(c).containsEntry("stage", "REOPENED");
		c = caseOf(plainStep(this.gridWorker, "caseStart", c, null));
		c = caseOf(resolve(c, this.gridWorker, "这次修好了", List.of()));
		c = caseOf(plainStep(this.gridWorker, "caseVerify", c, null));

		assertThat(c).containsEntry("stage", "VERIFIED");
		assertThat(this.fixtures.count("SELECT reopen_count FROM grid_case WHERE id = ?", key(c))).isEqualTo(1);
	}

	@Test
	void anIllegalStepIsAUserErrorNamingTheAllowedOnesAndChangesNothing() {
		Map<String, Object> c = this.fixtures.reported(this.reporter, "垃圾未清运");

		Map<String, Object> refused = plainStep(this.gridWorker, "caseVerify", c, null);

		assertThat(errorCode(refused)).isEqualTo("ILLEGAL_TRANSITION");
		assertThat(errorMessage(refused)).contains("caseAccept", "caseReject");
		assertThat(this.fixtures.count("SELECT version FROM grid_case WHERE id = ?", key(c))).isEqualTo(1);
		assertThat(this.fixtures.count("SELECT count(*) FROM case_feed_outbox WHERE case_id = ?", key(c))).isEqualTo(1);
	}

	@Test
	void twoGridWorkersActingAtOnceExactlyOneWinsAndTheOtherIsToldTheCaseMovedOn() throws Exception {
		Person second = this.fixtures.gridWorker("第二网格员", "DT-01");
		Map<String, Object> c = this.fixtures.reported(this.reporter, "有人争执");

		List<Map<String, Object>> answers = Bursts.race(6, i -> () -> (i % 2 == 0)
				? plainStep(this.gridWorker, "caseAccept", c, "受理" + i)
				: reject(c, second, "INVALID", null, "重复上报" + i));

		assertThat(answers.stream().filter(a -> errorCode(a) == null)).hasSize(1);
		assertThat(answers.stream().map(CaseFixtures::errorCode).filter(code -> code != null))
			.allMatch(code -> code.equals("STALE_VERSION"));
		assertThat(this.fixtures.count("SELECT count(*) FROM case_event WHERE case_id = ?", key(c))).isEqualTo(2);
		assertThat(this.fixtures.count("SELECT version FROM grid_case WHERE id = ?", key(c))).isEqualTo(2);
	}

	@Test
	void aDuplicateIsRejectedWithALinkToTheCaseItDuplicatesAndAnInvalidOneWithAReason() {
		Map<String, Object> first = this.fixtures.reported(this.reporter, "井盖丢失");
		Map<String, Object> again = this.fixtures.reported(this.fixtures.volunteer("邻居"), "井盖没了");
		Map<String, Object> bogus = this.fixtures.reported(this.reporter, "测试");

		Map<String, Object> duplicate = caseOf(reject(again, this.gridWorker, "DUPLICATE", first.get("id").toString(), null));
		Map<String, Object> invalid = caseOf(reject(bogus, this.gridWorker, "INVALID", null, "测试信息，非真实事件"));

		assertThat(duplicate).containsEntry("stage", "REJECTED").containsEntry("rejection", "DUPLICATE")
			.containsEntry("duplicateOf", Map.of("id", first.get("id")));
		assertThat(invalid).containsEntry("rejection", "INVALID").containsEntry("rejectionReason", "测试信息，非真实事件");
		assertThat(errorCode(reject(this.fixtures.reported(this.reporter, "再一个"), this.gridWorker, "INVALID", null, " ")))
			.isEqualTo("INVALID_TEXT");
		assertThat(errorCode(reject(this.fixtures.reported(this.reporter, "又一个"), this.gridWorker, "DUPLICATE", null, null)))
			.isEqualTo("INVALID_DUPLICATE_OF");
	}

	@Test
	void onlyTheRightPeopleTakeEachStep() {
		Person otherGrid = this.fixtures.gridWorker("二网格员", "DT-02");
		Person handler = this.fixtures.gridWorker("处置人", "DT-02");
		Map<String, Object> c = this.fixtures.reported(this.reporter, "广告乱贴");

		assertThat(errorCode(plainStep(otherGrid, "caseAccept", c, null))).isEqualTo("NOT_ALLOWED");
		assertThat(errorCode(plainStep(this.reporter, "caseAccept", c, null))).isEqualTo("NOT_ALLOWED");
		c = caseOf(plainStep(this.gridWorker, "caseAccept", c, null));
		c = caseOf(dispatch(c, this.gridWorker, handler.id(), null));
		assertThat(errorCode(plainStep(this.gridWorker, "caseStart", c, null))).as("not the handler").isEqualTo("NOT_ALLOWED");
		c = caseOf(plainStep(handler, "caseStart", c, null));
		c = caseOf(resolve(c, handler, "已清理", List.of()));
		assertThat(errorCode(plainStep(handler, "caseVerify", c, null))).as("the handler does not verify their own work")
			.isEqualTo("NOT_ALLOWED");
		c = caseOf(plainStep(this.gridWorker, "caseVerify", c, null));
		assertThat(errorCode(close(c, this.reporter, 6))).isEqualTo("INVALID_SATISFACTION");
		assertThat(errorCode(close(c, this.reporter, 0))).isEqualTo("INVALID_SATISFACTION");
		assertThat(errorCode(close(c, this.gridWorker, 5))).isEqualTo("SATISFACTION_IS_THE_REPORTERS");
		this.fixtures.person("陌生人").client()
			.document("mutation($input: CaseStepInput!) { caseVerify(input: $input) { case { id } } }")
			.variable("input", Map.of("caseId", c.get("id"), "expectedVersion", c.get("version")))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		assertThat(caseOf(close(c, this.gridWorker, null))).containsEntry("stage", "CLOSED")
			.containsEntry("satisfaction", null);
	}

	@Test
	void aCaseOutsideEveryGridOrInAGridNobodyWorksIsTheCommunityGridWorkersAndAnAnonymousReporterIsHiddenFromNeighbours() {
		Person neighbour = this.fixtures.volunteer("邻居");
		Map<String, Object> input = CaseFixtures.reportInput(
				this.fixtures.category(this.reporter.client(), "suspicious-person"), "陌生人徘徊", CaseFixtures.IN_DT03);
		input.put("anonymous", true);
		Map<String, Object> c = caseOf(CaseFixtures.report(this.reporter, input));
		assertThat(c.get("grid")).isEqualTo(Map.of("code", "DT-03"));

		String node = "query($id: ID!) { node(id: $id) { ... on Case { anonymous reporter { displayName } } } }";
		neighbour.client().document(node).variable("id", c.get("id")).execute()
			.path("node.reporter").valueIsNull().path("node.anonymous").entity(Boolean.class).isEqualTo(true);
		this.gridWorker.client().document(node).variable("id", c.get("id")).execute()
			.path("node.reporter.displayName").entity(String.class).isEqualTo("黄慧兰");
		assertThat(caseOf(plainStep(this.gridWorker, "caseAccept", c, null))).containsEntry("stage", "ACCEPTED");
	}

	@Test
	void aHandlerAsksForMoreTimeAndTheAdministratorGrantsItMovingTheDeadline() {
		Person administrator = this.fixtures.administrator("周书记");
		Map<String, Object> c = inProgress();
		String due = c.get("dueAt").toString();
		String later = java.time.Instant.parse(due).plus(java.time.Duration.ofDays(3)).toString();

		c = caseOf(extension(c, this.gridWorker, later, "需要等配件"));
		assertThat(errorCode(extension(c, this.gridWorker, later, "再等等"))).isEqualTo("EXTENSION_PENDING");
		assertThat(errorCode(decide(c, this.gridWorker, true))).isEqualTo("NOT_ALLOWED");
		c = caseOf(decide(c, administrator, true));

		assertThat(java.time.Instant.parse(c.get("dueAt").toString())).isEqualTo(java.time.Instant.parse(later));
		assertThat(errorCode(decide(c, administrator, false))).isEqualTo("NO_PENDING_EXTENSION");
		this.gridWorker.client().document("query($id: ID!) { node(id: $id) { ... on Case { extension { granted reason requestedUntil } } } }")
			.variable("id", c.get("id")).execute()
			.path("node.extension.granted").entity(Boolean.class).isEqualTo(true)
			.path("node.extension.reason").entity(String.class).isEqualTo("需要等配件");
		assertThat(errorCode(extension(c, this.gridWorker, due, "更早"))).isEqualTo("INVALID_EXTENSION");
	}

	@Test
	void aDepartmentsMemberHandlesACaseDispatchedToTheDepartment() {
		Person administrator = this.fixtures.administrator("周书记");
		Person clerk = this.fixtures.person("物业小王");
		Map<String, Object> created = CaseFixtures.payload(administrator.client(), """
				mutation($input: DepartmentCreateInput!) {
				  departmentCreate(input: $input) { department { id name members { displayName } community { name } } userErrors { code } }
				}""", Map.of("communityId", this.fixtures.dongting(), "name", "物业服务中心 " + System.nanoTime(),
				"memberIds", List.of(clerk.id())), "departmentCreate");
		@SuppressWarnings("unchecked")
		String departmentId = ((Map<String, Object>) created.get("department")).get("id").toString();
		assertThat(this.gridWorker.client().document("query($c: ID!) { departments(communityId: $c) { id } }")
			.variable("c", this.fixtures.dongting()).execute().path("departments[*].id").entityList(String.class).get())
			.contains(departmentId);

		Map<String, Object> c = caseOf(plainStep(this.gridWorker, "caseAccept",
				this.fixtures.reported(this.reporter, "电梯故障"), null));
		c = caseOf(dispatch(c, this.gridWorker, null, departmentId));
		c = caseOf(plainStep(clerk, "caseStart", c, "已派维修工"));

		assertThat(c).containsEntry("stage", "IN_PROGRESS");
		assertThat(c.get("handler").toString()).contains("物业服务中心");
		assertThat(errorCode(dispatch(caseOf(plainStep(this.gridWorker, "caseAccept",
				this.fixtures.reported(this.reporter, "两个处置人"), null)), this.gridWorker, this.gridWorker.id(), departmentId)))
			.isEqualTo("ONE_HANDLER");
	}

	private Map<String, Object> inProgress() {
		Map<String, Object> c = this.fixtures.reported(this.reporter, "栏杆损坏");
		c = caseOf(plainStep(this.gridWorker, "caseAccept", c, null));
		c = caseOf(dispatch(c, this.gridWorker, this.gridWorker.id(), null));
		return caseOf(plainStep(this.gridWorker, "caseStart", c, null));
	}

	private static Map<String, Object> dispatch(Map<String, Object> c, Person by, String handlerId, String departmentId) {
		Map<String, Object> input = versioned(c);
		input.put("handlerId", handlerId);
		input.put("departmentId", departmentId);
		return step(by, "caseDispatch", "CaseDispatchInput", input);
	}

	private static Map<String, Object> resolve(Map<String, Object> c, Person by, String feedback, List<String> photos) {
		Map<String, Object> input = versioned(c);
		input.put("feedback", feedback);
		input.put("photoIds", photos);
		return step(by, "caseResolve", "CaseResolveInput", input);
	}

	private static Map<String, Object> reject(Map<String, Object> c, Person by, String rejection, String duplicateOf,
			String reason) {
		Map<String, Object> input = versioned(c);
		input.put("rejection", rejection);
		input.put("duplicateOfId", duplicateOf);
		input.put("reason", reason);
		return step(by, "caseReject", "CaseRejectInput", input);
	}

	private static Map<String, Object> close(Map<String, Object> c, Person by, Integer satisfaction) {
		Map<String, Object> input = versioned(c);
		input.put("satisfaction", satisfaction);
		return step(by, "caseClose", "CaseCloseInput", input);
	}

	private static Map<String, Object> extension(Map<String, Object> c, Person by, String until, String reason) {
		Map<String, Object> input = versioned(c);
		input.put("until", until);
		input.put("reason", reason);
		return step(by, "caseExtensionRequest", "CaseExtensionRequestInput", input);
	}

	private static Map<String, Object> decide(Map<String, Object> c, Person by, boolean grant) {
		Map<String, Object> input = versioned(c);
		input.put("grant", grant);
		return step(by, "caseExtensionDecide", "CaseExtensionDecideInput", input);
	}

	private static Map<String, Object> versioned(Map<String, Object> c) {
		Map<String, Object> input = new HashMap<>();
		input.put("caseId", c.get("id"));
		input.put("expectedVersion", c.get("version"));
		return input;
	}

	private static List<Map<String, Object>> timeline(Person viewer, String caseId) {
		return viewer.client()
			.document("query($id: ID!) { node(id: $id) { ... on Case { timeline { kind stage note at actor { displayName } photos { id url } } } } }")
			.variable("id", caseId)
			.execute()
			.path("node.timeline")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
	}

	private static long key(Map<String, Object> c) {
		return GlobalId.keyOf(c.get("id").toString(), "Case");
	}

}
