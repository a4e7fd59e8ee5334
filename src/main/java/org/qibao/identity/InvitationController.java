package org.qibao.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.Connection;
import org.qibao.shared.GlobalId;
import org.qibao.shared.Identified;
import org.qibao.shared.Named;
import org.qibao.shared.NodeType;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Invitations over GraphQL: making, listing and revoking them, and opening and accepting one by its code. */
@Controller
class InvitationController {

	private final Invitations invitations;

	private final InvitationAcceptance acceptance;

	private final Accounts accounts;

	private final UserErrors userErrors;

	private final Map<String, NodeType<?>> nodeTypes;

	private final Clock clock;

	InvitationController(Invitations invitations, InvitationAcceptance acceptance, Accounts accounts,
			UserErrors userErrors, List<NodeType<?>> nodeTypes, Clock clock) {
		this.invitations = invitations;
		this.acceptance = acceptance;
		this.accounts = accounts;
		this.userErrors = userErrors;
		this.nodeTypes = nodeTypes.stream().collect(Collectors.toMap(NodeType::name, Function.identity()));
		this.clock = clock;
	}

	@QueryMapping
	InvitationToJoin invitationToJoin(@Argument String code,
			@ContextValue(name = ClientAddresses.KEY, required = false) String address) {
		InvitationAcceptance.Opened opened;
		try {
			opened = this.acceptance.open(code, address == null ? "unknown" : address);
		}
		catch (BusinessRuleException refusal) {
			if ("INVITATION_NOT_FOUND".equals(refusal.code())) {
				return null;
			}
			throw refusal;
		}
		Invitation invitation = opened.invitation();
		String inviter = this.accounts.findAll(List.of(invitation.invitedBy())).get(invitation.invitedBy()).displayName();
		return new InvitationToJoin(invitation.displayName(), masked(invitation.phone()), inviter,
				nameOf("Community", invitation.communityId()),
				invitation.teamId() == null ? null : nameOf("Team", invitation.teamId()), invitation.expiresAt(),
				opened.status(), opened.hasAccount());
	}

	@QueryMapping
	Connection<Invitation> invitationsSent(@Argument Integer first, @Argument String after, Actor actor) {
		return this.invitations.pendingBy(Actor.signedIn(actor), Connection.Page.of(first, after));
	}

	@MutationMapping
	InvitationCreatePayload invitationCreate(@Argument InvitationCreateInput input, Actor actor, Locale locale) {
		Actor inviter = Actor.signedIn(actor);
		long communityId = GlobalId.keyOf(input.communityId(), "Community");
		Long teamId = input.teamId() == null ? null : GlobalId.keyOf(input.teamId(), "Team");
		try {
			Invitations.Made made = this.invitations.create(inviter, communityId, teamId, input.phone(),
					input.displayName());
			return new InvitationCreatePayload(made.invitation(), made.code(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new InvitationCreatePayload(null, null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@MutationMapping
	InvitationRevokePayload invitationRevoke(@Argument InvitationRevokeInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long id = GlobalId.keyOf(input.invitationId(), "Invitation");
		try {
			return new InvitationRevokePayload(this.invitations.revoke(signedIn, id), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new InvitationRevokePayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@MutationMapping
	InvitationAcceptPayload invitationAccept(@Argument InvitationAcceptInput input,
			@ContextValue(name = ClientAddresses.KEY, required = false) String address, Locale locale) {
		try {
			InvitationAcceptance.Accepted accepted = this.acceptance.accept(input.code(), input.password(),
					address == null ? "unknown" : address);
			return new InvitationAcceptPayload(accepted.token().value(), accepted.token().expiresAt(),
					accepted.account(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new InvitationAcceptPayload(null, null, null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@SchemaMapping(typeName = "Invitation")
	String status(Invitation invitation) {
		return invitation.statusAt(this.clock.instant());
	}

	@BatchMapping(typeName = "Invitation")
	Map<Invitation, Object> community(List<Invitation> invitations) {
		return scopes(invitations, "Community", Invitation::communityId);
	}

	@BatchMapping(typeName = "Invitation")
	Map<Invitation, Object> team(List<Invitation> invitations) {
		return scopes(invitations.stream().filter(i -> i.teamId() != null).toList(), "Team", Invitation::teamId);
	}

	private Map<Invitation, Object> scopes(List<Invitation> invitations, String type, Function<Invitation, Long> key) {
		Map<Long, ? extends Identified> found = findAll(type, invitations.stream().map(key).distinct().toList());
		Map<Invitation, Object> result = new HashMap<>();
		invitations.forEach(invitation -> {
			Object scope = found.get(key.apply(invitation));
			if (scope != null) {
				result.put(invitation, scope);
			}
		});
		return result;
	}

	private String nameOf(String type, long key) {
		return findAll(type, List.of(key)).get(key) instanceof Named named ? named.name() : "";
	}

	private Map<Long, ? extends Identified> findAll(String type, Collection<Long> keys) {
		NodeType<?> nodeType = this.nodeTypes.get(type);
		return (nodeType == null || keys.isEmpty()) ? Map.of() : nodeType.findAll(keys);
	}

	/** 13900000042 as 139****0042: enough for the invitee to know it, not enough to copy. */
	static String masked(String phone) {
		if (phone.length() < 7) {
			return "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

	record InvitationToJoin(String displayName, String maskedPhone, String inviterName, String communityName,
			String teamName, Instant expiresAt, String status, boolean hasAccount) {
	}

	record InvitationCreateInput(String communityId, String teamId, String phone, String displayName) {
	}

	record InvitationCreatePayload(Invitation invitation, String code, List<UserError> userErrors) {
	}

	record InvitationRevokeInput(String invitationId) {
	}

	record InvitationRevokePayload(Invitation invitation, List<UserError> userErrors) {
	}

	record InvitationAcceptInput(String code, String password) {
	}

	record InvitationAcceptPayload(String token, Instant expiresAt, Account account, List<UserError> userErrors) {
	}

}
