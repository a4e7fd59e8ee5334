package org.qibao.casework;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;

/** A case after a mutation, or the user errors that refused it. */
record CasePayload(Case gridCase, List<UserError> userErrors) {

	/** Runs the mutation, turning a refusal into user errors: nothing was changed then. */
	static CasePayload of(Supplier<Case> mutation, UserErrors userErrors, Locale locale) {
		try {
			return new CasePayload(mutation.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new CasePayload(null, List.of(userErrors.of(refusal, locale)));
		}
	}

}
