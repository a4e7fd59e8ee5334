package org.qibao.security;

import java.util.Map;

import org.qibao.Clients;
import org.qibao.shared.GlobalId;

/** Pending invitations to the demo team, made by the community office's administrator. */
final class InvitationObjects {

	private static final String CREATE = """
			mutation($input: InvitationCreateInput!) { invitationCreate(input: $input) { invitation { id } userErrors { code } } }""";

	private final Dongting dongting;

	InvitationObjects(Dongting dongting) {
		this.dongting = dongting;
	}

	ExistingObject toRevoke() {
		Map<String, Object> made = this.dongting.calls.succeeded(this.dongting.office().token(), CREATE,
				Map.of("input", Map.of("communityId", this.dongting.community(), "teamId", this.dongting.team(), "phone",
						Clients.uniquePhone(), "displayName", "矩阵邀请")),
				"invitationCreate");
		String id = ((Map<?, ?>) made.get("invitation")).get("id").toString();
		long key = GlobalId.keyOf(id, "Invitation");
		return ExistingObject.input(Map.of("invitationId", id),
				() -> this.dongting.jdbc.sql("SELECT status FROM invitation WHERE id = ?").param(key).query(String.class).single());
	}

}
