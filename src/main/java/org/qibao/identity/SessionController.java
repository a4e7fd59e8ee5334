package org.qibao.identity;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/** Signing out and changing the password: what a person does when a phone or a password is lost. */
@Controller
class SessionController {

	private final Sessions sessions;

	private final UserErrors userErrors;

	SessionController(Sessions sessions, UserErrors userErrors) {
		this.sessions = sessions;
		this.userErrors = userErrors;
	}

	@MutationMapping
	AccountSignOutPayload accountSignOut(@Argument AccountSignOutInput input, Principal principal) {
		ActorAuthentication signedIn = signedIn(principal);
		this.sessions.signOut(signedIn.getPrincipal().accountId(), (Jwt) signedIn.getCredentials(),
				Boolean.TRUE.equals(input.everywhere()));
		return new AccountSignOutPayload(true, List.of());
	}

	@MutationMapping
	AccountPasswordChangePayload accountPasswordChange(@Argument AccountPasswordChangeInput input, Principal principal,
			Locale locale) {
		long accountId = signedIn(principal).getPrincipal().accountId();
		try {
			Sessions.PasswordChanged changed = this.sessions.changePassword(accountId, input.currentPassword(),
					input.newPassword());
			return new AccountPasswordChangePayload(changed.token().value(), changed.token().expiresAt(),
					changed.account(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new AccountPasswordChangePayload(null, null, null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	private static ActorAuthentication signedIn(Principal principal) {
		if (principal instanceof ActorAuthentication authentication) {
			return authentication;
		}
		throw new AuthenticationCredentialsNotFoundException("Sign in first");
	}

	record AccountSignOutInput(Boolean everywhere) {
	}

	record AccountSignOutPayload(boolean signedOut, List<UserError> userErrors) {
	}

	record AccountPasswordChangeInput(String currentPassword, String newPassword) {
	}

	record AccountPasswordChangePayload(String token, Instant expiresAt, Account account, List<UserError> userErrors) {
	}

}
