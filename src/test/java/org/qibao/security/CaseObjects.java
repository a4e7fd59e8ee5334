package org.qibao.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.qibao.shared.GlobalId;

/**
 * Cases in DT-01 brought to the stage a step is taken from: reported by a volunteer who plays no
 * column, then taken on by the demo grid worker (who works DT-01 and is the handler they are
 * dispatched to). Each step of the workflow is a GraphQL call, as on the grid worker's screen.
 */
final class CaseObjects {

	private static final String REPORT = """
			mutation($input: CaseReportInput!) { caseReport(input: $input) { case { id version } userErrors { code } } }""";

	/** Cases one reporter reports before another takes over, well within the hourly limit of reports. */
	private static final int REPORTS_EACH = 20;

	private final Dongting dongting;

	private Dongting.Person reporter;

	private int reported;

	private String category;

	CaseObjects(Dongting dongting) {
		this.dongting = dongting;
	}

	ExistingObject toAccept() {
		return next(reported(), Map.of());
	}

	ExistingObject toReject() {
		return next(reported(), Map.of("rejection", "INVALID", "reason", "矩阵"));
	}

	ExistingObject toDispatch() {
		return next(accepted(), Map.of("handlerId", this.dongting.gridWorker()));
	}

	ExistingObject toStart() {
		return next(dispatched(), Map.of());
	}

	ExistingObject toResolve() {
		return next(inProgress(), Map.of("feedback", "已修好"));
	}

	ExistingObject toVerify() {
		return next(resolved(), Map.of());
	}

	ExistingObject toReopen() {
		return next(resolved(), Map.of("note", "还没修好"));
	}

	ExistingObject toClose() {
		return next(verified(), Map.of());
	}

	/** A dispatched case, whose handler may ask for more time. */
	ExistingObject toExtend() {
		return next(dispatched(), extension());
	}

	/** A case whose handler asked for more time, waiting for the community administrator. */
	ExistingObject toDecideExtension() {
		return next(step("caseExtensionRequest", "CaseExtensionRequestInput", dispatched(), extension()),
				Map.of("grant", true));
	}

	private static Map<String, Object> extension() {
		return Map.of("until", Instant.now().plus(Duration.ofDays(30)).toString(), "reason", "需要更多时间");
	}

	private Map<?, ?> reported() {
		if (this.reporter == null || this.reported == REPORTS_EACH) {
			this.reporter = this.dongting.volunteer("矩阵报告人");
			this.reported = 0;
		}
		this.reported++;
		Map<String, Object> input = Map.of("reportId", UUID.randomUUID().toString(), "categoryId", category(),
				"description", "矩阵：路灯坏了", "position", Map.of("longitude", 114.3530, "latitude", 30.5675));
		return (Map<?, ?>) this.dongting.calls.succeeded(this.reporter.token(), REPORT, Map.of("input", input), "caseReport")
			.get("case");
	}

	private Map<?, ?> accepted() {
		return step("caseAccept", "CaseStepInput", reported(), Map.of());
	}

	private Map<?, ?> dispatched() {
		return step("caseDispatch", "CaseDispatchInput", accepted(), Map.of("handlerId", this.dongting.gridWorker()));
	}

	private Map<?, ?> inProgress() {
		return step("caseStart", "CaseStepInput", dispatched(), Map.of());
	}

	private Map<?, ?> resolved() {
		return step("caseResolve", "CaseResolveInput", inProgress(), Map.of("feedback", "已修好"));
	}

	private Map<?, ?> verified() {
		return step("caseVerify", "CaseStepInput", resolved(), Map.of());
	}

	/** The grid worker takes a step; the case as it is after it. */
	private Map<?, ?> step(String mutation, String inputType, Map<?, ?> gridCase, Map<String, Object> details) {
		String document = "mutation($input: " + inputType + "!) { " + mutation
				+ "(input: $input) { case { id version } userErrors { code } } }";
		return (Map<?, ?>) this.dongting.calls
			.succeeded(this.dongting.gridWorkerToken(), document, Map.of("input", input(gridCase, details)), mutation)
			.get("case");
	}

	/** The case for the caller's step, and its stage and version, which a refusal leaves as they were. */
	private ExistingObject next(Map<?, ?> gridCase, Map<String, Object> details) {
		long key = GlobalId.keyOf(gridCase.get("id").toString(), "Case");
		return ExistingObject.input(input(gridCase, details), () -> this.dongting.jdbc
			.sql("SELECT stage || ' version ' || version FROM grid_case WHERE id = ?")
			.param(key)
			.query(String.class)
			.single());
	}

	private static Map<String, Object> input(Map<?, ?> gridCase, Map<String, Object> details) {
		Map<String, Object> input = new HashMap<>(details);
		input.put("caseId", gridCase.get("id"));
		input.put("expectedVersion", gridCase.get("version"));
		return input;
	}

	private String category() {
		if (this.category == null) {
			long key = this.dongting.jdbc.sql("SELECT id FROM case_category WHERE community_id = ? AND service_code = 'damaged-facility'")
				.param(this.dongting.communityId)
				.query(Long.class)
				.single();
			this.category = GlobalId.encode("CaseCategory", key);
		}
		return this.category;
	}

}
