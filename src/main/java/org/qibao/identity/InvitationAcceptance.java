package org.qibao.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident opens their invitation by its code, without signing in, and accepts it: a new
 * account with the password they choose, or their existing account given its password. Either
 * way they become a volunteer of the community, and (through {@link InvitationAccepted}) a
 * member of the team, in one transaction, and are signed in.
 */
@Service
class InvitationAcceptance {

	private static final Log log = LogFactory.getLog(InvitationAcceptance.class);

	private final InvitationRows rows;

	private final InvitationCodeThrottle codes;

	private final InvitationCodeHashes hashes;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle logins;

	private final Tokens tokens;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InvitationAcceptance(InvitationRows rows, InvitationCodeThrottle codes, InvitationCodeHashes hashes,
			AccountRepository accounts,
			PasswordEncoder passwordEncoder, LoginThrottle logins, Tokens tokens, ApplicationEventPublisher events,
			Clock clock) {
		this.rows = rows;
		this.codes = codes;
		this.hashes = hashes;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.logins = logins;
		this.tokens = tokens;
		this.events = events;
		this.clock = clock;
	}

	/** An invitation as its invitee sees it, with whether their phone number already has an account. */
	record Opened(Invitation invitation, String status, boolean hasAccount) {
	}

	/** The invitation with this code; unknown codes are counted against the client's address. */
	Opened open(String code, String clientAddress) {
		Invitation invitation = find(code, clientAddress, false);
		return new Opened(invitation, invitation.statusAt(this.clock.instant()),
				this.accounts.findCredentials(invitation.phone()).isPresent());
	}

	record Accepted(Account account, Tokens.IssuedToken token) {
	}

	@Transactional
	Accepted accept(String code, String password, String clientAddress) {
		if (password == null || password.isEmpty() || password.length() > PasswordRules.MAX_LENGTH) {
			throw new BusinessRuleException("INVALID_INPUT", "password");
		}
		Invitation invitation = find(code, clientAddress, true);
		Instant now = this.clock.instant();
		switch (invitation.statusAt(now)) {
			case "ACCEPTED" -> throw new BusinessRuleException("INVITATION_USED", "code");
			case "REVOKED" -> throw new BusinessRuleException("INVITATION_REVOKED", "code");
			case "EXPIRED" -> throw new BusinessRuleException("INVITATION_EXPIRED", "code");
			default -> {
				// pending: accepted below
			}
		}
		Account account = accountFor(invitation, password);
		if (this.accounts.grant(account.id(), Role.VOLUNTEER, invitation.communityId())) {
			this.accounts.rolesChanged(account.id());
		}
		this.rows.accept(invitation.id(), account.id(), now);
		this.events.publishEvent(new InvitationAccepted(invitation.id(), account.id(), invitation.communityId(),
				invitation.teamId()));
		Invitation accepted = this.rows.findAll(List.of(invitation.id())).get(0);
		this.events.publishEvent(new AdministrativeAction(account.id(), invitation.communityId(),
				"identity.invitationAccept", "Invitation", invitation.id(), Invitations.described(invitation),
				Invitations.described(accepted)));
		log.info("Invitation " + invitation.id() + " accepted by account " + account.id());
		return new Accepted(account, this.tokens.issue(account, this.accounts.rolesOf(account.id()), now));
	}

	private Invitation find(String code, String clientAddress, boolean lock) {
		String canonical = InvitationCodes.normalise(code);
		this.codes.take(clientAddress);
		Optional<Invitation> found = canonical.isEmpty() ? Optional.empty()
				: lock ? this.rows.lockByCode(this.hashes.of(canonical))
						: this.rows.byCode(this.hashes.of(canonical));
		if (found.isEmpty()) {
			throw new BusinessRuleException("INVITATION_NOT_FOUND", "code");
		}
		this.codes.giveBack(clientAddress);
		return found.get();
	}

	/** The existing account of the invited phone, given its password, or a new one with this password. */
	private Account accountFor(Invitation invitation, String password) {
		// two invitations of one phone accepted at once: the later waits and finds the account the earlier opened
		this.accounts.lockPhone(invitation.phone());
		Optional<AccountRepository.Credentials> existing = this.accounts.findCredentials(invitation.phone());
		if (existing.isEmpty()) {
			try {
				PasswordRules.check(password, invitation.phone());
			}
			catch (BusinessRuleException weak) {
				throw new BusinessRuleException(weak.code(), "password", weak.args());
			}
			return this.accounts.insert(invitation.phone(), invitation.displayName(),
					this.passwordEncoder.encode(password), "zh-CN");
		}
		// the same limit as signing in, so that an invitation is no way around it
		if (!this.logins.tryTake(invitation.phone())) {
			throw new BusinessRuleException("TOO_MANY_ATTEMPTS", "password");
		}
		if (!this.passwordEncoder.matches(password, existing.get().passwordHash())) {
			throw new BusinessRuleException("WRONG_PASSWORD", "password");
		}
		this.logins.giveBack(invitation.phone());
		return this.accounts.findAll(List.of(existing.get().id())).get(0);
	}

}
