package org.qibao.casework;

import org.junit.jupiter.api.Test;
import org.qibao.shared.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The city's seven steps, as a rule without a server. */
class CaseWorkflowPolicyTests {

	@Test
	void aReportedCaseIsAcceptedOrRejected() {
		assertThat(CaseWorkflow.allowed(CaseStage.REPORTED)).containsExactly(CaseStep.ACCEPT, CaseStep.REJECT);
	}

	@Test
	void aResolvedCaseIsVerifiedOrReopenedAndAReopenedOneStartsAgainOrGoesToAnotherHandler() {
		assertThat(CaseWorkflow.allowed(CaseStage.RESOLVED)).containsExactly(CaseStep.VERIFY, CaseStep.REOPEN);
		assertThat(CaseWorkflow.allowed(CaseStage.REOPENED)).containsExactly(CaseStep.DISPATCH, CaseStep.START);
	}

	@Test
	void rejectedAndClosedCasesAreFinal() {
		assertThat(CaseWorkflow.allowed(CaseStage.REJECTED)).isEmpty();
		assertThat(CaseWorkflow.allowed(CaseStage.CLOSED)).isEmpty();
	}

	@Test
	void anIllegalStepIsRefusedNamingTheStepsThatAreAllowed() {
		assertThatThrownBy(() -> CaseWorkflow.check(CaseStage.ACCEPTED, CaseStep.VERIFY))
			.isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
				assertThat(refusal.code()).isEqualTo("ILLEGAL_TRANSITION");
				assertThat(refusal.args()).containsExactly("ACCEPTED", "caseDispatch");
			});
	}

	@Test
	void everyStageButTheFinalOnesHasAWayOn() {
		for (CaseStage stage : CaseStage.values()) {
			assertThat(CaseWorkflow.allowed(stage).isEmpty()).as(stage.name()).isEqualTo(!stage.open());
		}
	}

}
