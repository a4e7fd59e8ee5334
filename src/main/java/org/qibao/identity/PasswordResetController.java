package org.qibao.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** A captain or administrator issues a one-time reset code; the person uses it on the sign-in screen. */
@Controller
class PasswordResetController {

	private final PasswordResets resets;

	private final Accounts accounts;

	private final UserErrors userErrors;

	PasswordResetController(PasswordResets resets, Accounts accounts, UserErrors userErrors) {
		this.resets = resets;
		this.accounts = accounts;
		this.userErrors = userErrors;
	}

	@MutationMapping
	AccountResetCodeIssuePayload accountResetCodeIssue(@Argument AccountResetCodeIssueInput input, Actor actor,
			Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		try {
			long accountId = person(signedIn, input);
			PasswordResets.IssuedResetCode issued = this.resets.issue(signedIn, accountId);
			return new AccountResetCodeIssuePayload(issued.code(), issued.expiresAt(), issued.account(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new AccountResetCodeIssuePayload(null, null, null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@MutationMapping
	AccountResetCodeUsePayload accountResetCodeUse(@Argument AccountResetCodeUseInput input, Locale locale) {
		try {
			SignIn.SignedIn signedIn = this.resets.redeem(input.phone(), input.code(), input.newPassword());
			return new AccountResetCodeUsePayload(signedIn.token().value(), signedIn.token().expiresAt(),
					signedIn.account(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new AccountResetCodeUsePayload(null, null, null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	/** The person by ID (a captain's member list) or by the phone number an administrator typed. */
	private long person(Actor actor, AccountResetCodeIssueInput input) {
		if ((input.account() == null) == (input.phone() == null)) {
			throw new BusinessRuleException("INVALID_INPUT", input.account() == null ? "account" : "phone");
		}
		if (input.account() != null) {
			return GlobalId.keyOf(input.account(), "Account");
		}
		if (PhoneNumbers.normalise(input.phone()).isEmpty()) {
			throw new BusinessRuleException("INVALID_INPUT", "phone");
		}
		return this.accounts.findByPhoneFor(actor.accountId(), input.phone(), "phone")
			.orElseThrow(() -> new BusinessRuleException("RESET_PHONE_NOT_FOUND", "phone"))
			.id();
	}

	record AccountResetCodeIssueInput(String account, String phone) {
	}

	record AccountResetCodeIssuePayload(String code, Instant expiresAt, Account account, List<UserError> userErrors) {
	}

	record AccountResetCodeUseInput(String phone, String code, String newPassword) {
	}

	record AccountResetCodeUsePayload(String token, Instant expiresAt, Account account, List<UserError> userErrors) {
	}

}
