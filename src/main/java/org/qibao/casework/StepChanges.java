package org.qibao.casework;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qibao.shared.BusinessRuleException;
import org.springframework.stereotype.Component;

import static org.qibao.casework.CaseRows.at;

/**
 * What each step writes besides the stage, after checking the step's own fields: a rejection's
 * reason or the case it duplicates, a dispatch's handler, a resolution's feedback, a close's
 * satisfaction.
 */
@Component
class StepChanges {

	private final Cases cases;

	private final Departments departments;

	private final CaseDesks desks;

	StepChanges(Cases cases, Departments departments, CaseDesks desks) {
		this.cases = cases;
		this.departments = departments;
		this.desks = desks;
	}

	/**
	 * The columns a step sets ({@code assignments}, starting with a comma, with named
	 * {@code params}), the note and photos for its timeline entry, and whether it is the first
	 * verification, which announces {@link CaseReportVerified}.
	 */
	record Change(String assignments, Map<String, Object> params, String note, List<String> photoIds,
			boolean announceVerified) {
	}

	Change of(CaseStep step, Case gridCase, CaseDesk desk, StepDetails details, Instant now) {
		String note = CaseReport.note(details.note(), CaseReport.NOTE_LIMIT, "note");
		Map<String, Object> params = new HashMap<>();
		params.put("now", at(now));
		return switch (step) {
			case ACCEPT -> new Change(", accepted_at = :now, resolve_due_at = CAST(:now AS timestamptz)"
					+ " + resolve_within_minutes * interval '1 minute'", params, note, List.of(), false);
			case REJECT -> reject(gridCase, details, params);
			case DISPATCH -> dispatch(gridCase, details, params, note);
			case START -> new Change("", Map.of(), note, List.of(), false);
			case RESOLVE -> new Change(", resolved_at = :now", params,
					CaseReport.text(details.note(), CaseReport.NOTE_LIMIT, "feedback"),
					CaseReport.photos(details.photoIds()), false);
			case VERIFY -> new Change(", verified_at = :now, verified_announced = true", params, note, List.of(),
					!verifiedBefore(gridCase));
			case REOPEN -> new Change(", reopen_count = reopen_count + 1, resolved_at = NULL", Map.of(),
					CaseReport.text(details.note(), CaseReport.NOTE_LIMIT, "note"), List.of(), false);
			case CLOSE -> close(gridCase, desk, details, params, note);
		};
	}

	private boolean verifiedBefore(Case gridCase) {
		return this.cases.verifiedAnnounced(gridCase.id());
	}

	private Change reject(Case gridCase, StepDetails details, Map<String, Object> params) {
		params.clear();
		if ("DUPLICATE".equals(details.rejection())) {
			Long original = details.duplicateOfId();
			Case duplicated = original == null ? null : this.cases.find(original).orElse(null);
			if (duplicated == null || duplicated.id() == gridCase.id() || duplicated.communityId() != gridCase.communityId()) {
				throw new BusinessRuleException("INVALID_DUPLICATE_OF", "duplicateOfId");
			}
			params.put("original", original);
			return new Change(", rejection = 'DUPLICATE', duplicate_of_id = :original", params, "", List.of(), false);
		}
		if ("INVALID".equals(details.rejection())) {
			String reason = CaseReport.text(details.reason(), 500, "reason");
			params.put("reason", reason);
			return new Change(", rejection = 'INVALID', rejection_reason = :reason", params, reason, List.of(), false);
		}
		throw new BusinessRuleException("INVALID_INPUT", "rejection");
	}

	private Change dispatch(Case gridCase, StepDetails details, Map<String, Object> params, String note) {
		params.clear();
		Long account = details.handlerAccountId();
		Long department = details.departmentId();
		if ((account == null) == (department == null)) {
			throw new BusinessRuleException("ONE_HANDLER", "handlerId");
		}
		if (account != null) {
			if (!this.desks.gridWorkersOf(gridCase.communityId(), null).contains(account)) {
				throw new BusinessRuleException("INVALID_HANDLER", "handlerId");
			}
			params.put("account", account);
			return new Change(", handler_account_id = :account, handler_department_id = NULL", params, note, List.of(), false);
		}
		Department found = this.departments.findAll(List.of(department)).get(department);
		if (found == null || found.communityId() != gridCase.communityId()) {
			throw new BusinessRuleException("INVALID_HANDLER", "departmentId");
		}
		params.put("department", department);
		return new Change(", handler_department_id = :department, handler_account_id = NULL", params, note, List.of(), false);
	}

	private static Change close(Case gridCase, CaseDesk desk, StepDetails details, Map<String, Object> params,
			String note) {
		Integer satisfaction = details.satisfaction();
		if (desk.reported(gridCase)) {
			if (satisfaction == null || satisfaction < 1 || satisfaction > 5) {
				throw new BusinessRuleException("INVALID_SATISFACTION", "satisfaction");
			}
		}
		else if (satisfaction != null) {
			// only the reporter says how satisfied they are; a grid worker closes without a rating
			throw new BusinessRuleException("SATISFACTION_IS_THE_REPORTERS", "satisfaction");
		}
		params.put("satisfaction", satisfaction);
		return new Change(", closed_at = :now, satisfaction = :satisfaction", params, note, List.of(), false);
	}

}
