package org.qibao.casework;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.qibao.shared.BusinessRuleException;

/**
 * The city case workflow's rule: which steps a case in a stage may take. Plain Java, so the rule
 * reads and tests without a server; the services ask it before they write, and the conditional
 * update on the case's stage and version is the backstop.
 */
final class CaseWorkflow {

	private CaseWorkflow() {
	}

	/** The steps a case in this stage may take, in workflow order. */
	static List<CaseStep> allowed(CaseStage stage) {
		return Arrays.stream(CaseStep.values()).filter(step -> step.allowedFrom(stage)).toList();
	}

	/**
	 * Refuses a step the stage does not allow, with {@code ILLEGAL_TRANSITION} naming the stage and
	 * the steps it does allow (or that none does, for a final stage).
	 */
	static void check(CaseStage stage, CaseStep step) {
		if (!step.allowedFrom(stage)) {
			throw illegal(stage);
		}
	}

	static BusinessRuleException illegal(CaseStage stage) {
		List<CaseStep> allowed = allowed(stage);
		String names = allowed.isEmpty() ? "-" : allowed.stream().map(CaseStep::mutation).collect(Collectors.joining(", "));
		return new BusinessRuleException("ILLEGAL_TRANSITION", null, stage.name(), names);
	}

}
