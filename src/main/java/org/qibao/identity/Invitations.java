package org.qibao.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.Connection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making, listing and revoking invitations. Each made or revoked invitation is an administrative
 * action, published in its transaction. Accepting one is {@link InvitationAcceptance}'s.
 */
@Service
class Invitations {

	private static final Log log = LogFactory.getLog(Invitations.class);

	static final int MAX_NAME_LENGTH = 60;

	private final InvitationRows rows;

	private final InvitationRights rights;

	private final InvitationCodeHashes hashes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration lifetime;

	Invitations(InvitationRows rows, InvitationRights rights, InvitationCodeHashes hashes,
			ApplicationEventPublisher events, Clock clock,
			@Value("${qibao.invitations.lifetime:7d}") Duration lifetime) {
		this.rows = rows;
		this.rights = rights;
		this.hashes = hashes;
		this.events = events;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/** An invitation just made, with its code: the only time the code is known, since only its hash is kept. */
	record Made(Invitation invitation, String code) {
	}

	@Transactional
	Made create(Actor actor, long communityId, Long teamId, String phone, String displayName) {
		String digits = PhoneNumbers.normalise(phone);
		if (digits.isEmpty()) {
			throw new BusinessRuleException("INVALID_PHONE", "phone");
		}
		String name = checkedName(displayName);
		this.rights.requireMayInvite(actor, communityId, teamId);
		Made made = insert(actor.accountId(), communityId, teamId, digits, name, null);
		this.events.publishEvent(new AdministrativeAction(actor.accountId(), communityId, "identity.invitationCreate",
				"Invitation", made.invitation().id(), Map.of(), described(made.invitation())));
		log.info("Account " + actor.accountId() + " invited someone to community " + communityId);
		return made;
	}

	/** An invitation for a row of a roster, whose rights and values the import has already checked. */
	Made insert(long by, long communityId, Long teamId, String phone, String displayName, Long rosterImportId) {
		Instant now = this.clock.instant();
		for (int attempt = 1;; attempt++) {
			String code = InvitationCodes.next();
			try {
				return new Made(this.rows.insert(this.hashes.of(code), communityId, teamId, phone, displayName, by,
						now, now.plus(this.lifetime), rosterImportId), code);
			}
			catch (DuplicateKeyException ex) {
				// another invitation drew the same code (about once in 10^11 draws): draw again
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	@Transactional
	Invitation revoke(Actor actor, long invitationId) {
		Invitation invitation = this.rows.lock(invitationId)
			.orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "invitationId"));
		this.rights.requireMayRevoke(actor, invitation);
		Instant now = this.clock.instant();
		switch (invitation.statusAt(now)) {
			case "ACCEPTED" -> throw new BusinessRuleException("INVITATION_USED", "invitationId");
			case "REVOKED" -> throw new BusinessRuleException("INVITATION_REVOKED", "invitationId");
			case "EXPIRED" -> throw new BusinessRuleException("INVITATION_EXPIRED", "invitationId");
			default -> this.rows.revoke(invitationId, now);
		}
		Invitation revoked = this.rows.findAll(List.of(invitationId)).get(0);
		Map<String, Object> after = described(revoked);
		this.events.publishEvent(new AdministrativeAction(actor.accountId(), invitation.communityId(),
				"identity.invitationRevoke", "Invitation", invitationId, described(invitation), after));
		return revoked;
	}

	Connection<Invitation> pendingBy(Actor actor, Connection.Page page) {
		Instant now = this.clock.instant();
		return Connection.of(this.rows.pendingBy(actor.accountId(), now, page), page,
				this.rows.countPendingBy(actor.accountId(), now));
	}

	/** What the audit log keeps of an invitation: never its code. */
	static Map<String, Object> described(Invitation invitation) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("phone", invitation.phone());
		described.put("displayName", invitation.displayName());
		described.put("teamId", invitation.teamId());
		described.put("status", invitation.status());
		described.put("expiresAt", invitation.expiresAt().toString());
		return described;
	}

	static String checkedName(String displayName) {
		String name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty()) {
			throw new BusinessRuleException("INVALID_INPUT", "displayName");
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
			throw new BusinessRuleException("NAME_TOO_LONG", "displayName", MAX_NAME_LENGTH);
		}
		return name;
	}

}
