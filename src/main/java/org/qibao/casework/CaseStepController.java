package org.qibao.casework;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.qibao.identity.Actor;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The workflow's steps, one mutation each, all taken by {@link CaseSteps}. */
@Controller
class CaseStepController {

	private final CaseSteps steps;

	private final UserErrors userErrors;

	CaseStepController(CaseSteps steps, UserErrors userErrors) {
		this.steps = steps;
		this.userErrors = userErrors;
	}

	@MutationMapping
	CasePayload caseAccept(@Argument CaseStepInput input, Actor actor, Locale locale) {
		return step(input.caseId(), input.expectedVersion(), CaseStep.ACCEPT, StepDetails.note(input.note()), actor, locale);
	}

	@MutationMapping
	CasePayload caseReject(@Argument CaseRejectInput input, Actor actor, Locale locale) {
		Long original = input.duplicateOfId() == null ? null : GlobalId.keyOf(input.duplicateOfId(), "Case");
		StepDetails details = new StepDetails(null, List.of(), input.rejection(), original, input.reason(), null, null, null);
		return step(input.caseId(), input.expectedVersion(), CaseStep.REJECT, details, actor, locale);
	}

	@MutationMapping
	CasePayload caseDispatch(@Argument CaseDispatchInput input, Actor actor, Locale locale) {
		Long handler = input.handlerId() == null ? null : GlobalId.keyOf(input.handlerId(), "Account");
		Long department = input.departmentId() == null ? null : GlobalId.keyOf(input.departmentId(), "Department");
		StepDetails details = new StepDetails(input.note(), List.of(), null, null, null, handler, department, null);
		return step(input.caseId(), input.expectedVersion(), CaseStep.DISPATCH, details, actor, locale);
	}

	@MutationMapping
	CasePayload caseStart(@Argument CaseStepInput input, Actor actor, Locale locale) {
		return step(input.caseId(), input.expectedVersion(), CaseStep.START, StepDetails.note(input.note()), actor, locale);
	}

	@MutationMapping
	CasePayload caseResolve(@Argument CaseResolveInput input, Actor actor, Locale locale) {
		StepDetails details = new StepDetails(input.feedback(), input.photoIds(), null, null, null, null, null, null);
		return step(input.caseId(), input.expectedVersion(), CaseStep.RESOLVE, details, actor, locale);
	}

	@MutationMapping
	CasePayload caseVerify(@Argument CaseStepInput input, Actor actor, Locale locale) {
		return step(input.caseId(), input.expectedVersion(), CaseStep.VERIFY, StepDetails.note(input.note()), actor, locale);
	}

	@MutationMapping
	CasePayload caseReopen(@Argument CaseStepInput input, Actor actor, Locale locale) {
		return step(input.caseId(), input.expectedVersion(), CaseStep.REOPEN, StepDetails.note(input.note()), actor, locale);
	}

	@MutationMapping
	CasePayload caseClose(@Argument CaseCloseInput input, Actor actor, Locale locale) {
		StepDetails details = new StepDetails(input.note(), List.of(), null, null, null, null, null, input.satisfaction());
		return step(input.caseId(), input.expectedVersion(), CaseStep.CLOSE, details, actor, locale);
	}

	@MutationMapping
	CasePayload caseExtensionRequest(@Argument CaseExtensionRequestInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long caseId = GlobalId.keyOf(input.caseId(), "Case");
		return CasePayload.of(() -> this.steps.requestExtension(signedIn, caseId, input.expectedVersion(), input.until(),
				input.reason()), this.userErrors, locale);
	}

	@MutationMapping
	CasePayload caseExtensionDecide(@Argument CaseExtensionDecideInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long caseId = GlobalId.keyOf(input.caseId(), "Case");
		return CasePayload.of(() -> this.steps.decideExtension(signedIn, caseId, input.expectedVersion(), input.grant(),
				input.note()), this.userErrors, locale);
	}

	@SchemaMapping(typeName = "CasePayload", field = "case")
	Case payloadCase(CasePayload payload) {
		return payload.gridCase();
	}

	private CasePayload step(String caseId, int expectedVersion, CaseStep step, StepDetails details, Actor actor,
			Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long id = GlobalId.keyOf(caseId, "Case");
		return CasePayload.of(() -> this.steps.take(signedIn, id, expectedVersion, step, details), this.userErrors, locale);
	}

	record CaseStepInput(String caseId, int expectedVersion, String note) {
	}

	record CaseRejectInput(String caseId, int expectedVersion, String rejection, String duplicateOfId, String reason) {
	}

	record CaseDispatchInput(String caseId, int expectedVersion, String handlerId, String departmentId, String note) {
	}

	record CaseResolveInput(String caseId, int expectedVersion, String feedback, List<String> photoIds) {
	}

	record CaseCloseInput(String caseId, int expectedVersion, Integer satisfaction, String note) {
	}

	record CaseExtensionRequestInput(String caseId, int expectedVersion, Instant until, String reason) {
	}

	record CaseExtensionDecideInput(String caseId, int expectedVersion, boolean grant, String note) {
	}

}
