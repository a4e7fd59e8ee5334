package org.qibao.casework;

import java.util.List;
import java.util.Locale;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** A community's Open311 keys, issued and revoked by its administrators. */
@Controller
class Open311KeyController {

	static final String TYPE = "Open311Key";

	private final Open311Keys keys;

	private final UserErrors userErrors;

	Open311KeyController(Open311Keys keys, UserErrors userErrors) {
		this.keys = keys;
		this.userErrors = userErrors;
	}

	@QueryMapping
	List<Open311Key> open311Keys(@Argument String communityId, Actor actor) {
		long community = GlobalId.keyOf(communityId, "Community");
		Actor.signedIn(actor).require(Role.ADMINISTRATOR, community);
		return this.keys.of(community);
	}

	@MutationMapping
	IssuePayload open311KeyIssue(@Argument IssueInput input, Actor actor, Locale locale) {
		long community = GlobalId.keyOf(input.communityId(), "Community");
		Actor admin = Actor.signedIn(actor);
		admin.require(Role.ADMINISTRATOR, community);
		try {
			Open311Keys.Issued issued = this.keys.issue(community, admin.accountId(), input.label());
			return new IssuePayload(issued.key(), issued.secret(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new IssuePayload(null, null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@MutationMapping
	RevokePayload open311KeyRevoke(@Argument RevokeInput input, Actor actor) {
		Actor admin = Actor.signedIn(actor);
		Open311Key key = this.keys.find(GlobalId.keyOf(input.keyId(), TYPE))
			.orElseThrow(() -> new AccessDeniedException("Not allowed"));
		admin.require(Role.ADMINISTRATOR, key.communityId());
		return new RevokePayload(this.keys.revoke(key.id(), admin.accountId()), List.of());
	}

	@SchemaMapping(typeName = TYPE)
	String id(Open311Key key) {
		return GlobalId.encode(TYPE, key.id());
	}

	record IssueInput(String communityId, String label) {
	}

	record RevokeInput(String keyId) {
	}

	record IssuePayload(Open311Key key, String apiKey, List<UserError> userErrors) {
	}

	record RevokePayload(Open311Key key, List<UserError> userErrors) {
	}

}
