package org.qibao.timebank;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.qibao.Clients;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.shared.GlobalId;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** An administrator of a community at the corrections screen, through the GraphQL API. */
final class CorrectionDesk {

	static final String CORRECTION = """
			correction { id kind status minutes passbookMinutes reason needsApproval reversedTransferId requestedAt decidedAt
			             volunteer { displayName } requestedBy { displayName } decidedBy { displayName } }
			userErrors { code message field }""";

	final long accountId;

	final HttpGraphQlTester client;

	private final String communityId;

	private CorrectionDesk(long accountId, HttpGraphQlTester client, String communityId) {
		this.accountId = accountId;
		this.client = client;
		this.communityId = communityId;
	}

	/** A new administrator of the community, signed in. */
	static CorrectionDesk administrator(Accounts accounts, int port, long communityId) {
		String phone = Clients.uniquePhone();
		Account admin = accounts.register(phone, "更正管理员", Clients.DEMO_PASSWORD, "zh-CN");
		accounts.grant(admin.id(), Role.ADMINISTRATOR, communityId);
		return new CorrectionDesk(admin.id(), Clients.signedIn(port, phone), GlobalId.encode("Community", communityId));
	}

	Map<String, Object> adjust(long volunteerId, String direction, int minutes, String reason) {
		return adjust(volunteerId, direction, minutes, reason, "adjust-" + UUID.randomUUID());
	}

	Map<String, Object> adjust(long volunteerId, String direction, int minutes, String reason, String key) {
		Map<String, Object> input = new HashMap<>();
		input.put("communityId", this.communityId);
		input.put("volunteerId", GlobalId.encode("Account", volunteerId));
		input.put("direction", direction);
		input.put("minutes", minutes);
		input.put("reason", reason);
		input.put("idempotencyKey", key);
		return payload("mutation($input: PassbookAdjustInput!) { passbookAdjust(input: $input) { " + CORRECTION + " } }",
				input, "passbookAdjust");
	}

	Map<String, Object> reverse(String transferId, String reason) {
		Map<String, Object> input = new HashMap<>();
		input.put("transferId", transferId);
		input.put("reason", reason);
		return payload("mutation($input: TransferReverseInput!) { transferReverse(input: $input) { " + CORRECTION + " } }",
				input, "transferReverse");
	}

	Map<String, Object> approve(String correctionId) {
		return payload("mutation($input: LedgerCorrectionApproveInput!) { ledgerCorrectionApprove(input: $input) { "
				+ CORRECTION + " } }", Map.of("correctionId", correctionId), "ledgerCorrectionApprove");
	}

	Map<String, Object> refuse(String correctionId) {
		return payload("mutation($input: LedgerCorrectionRefuseInput!) { ledgerCorrectionRefuse(input: $input) { "
				+ CORRECTION + " } }", Map.of("correctionId", correctionId), "ledgerCorrectionRefuse");
	}

	/** The volunteer's passbook as the administrator finds it by phone: balance and entries, newest first. */
	@SuppressWarnings("unchecked")
	Map<String, Object> passbook(String phone) {
		return this.client.document("""
				query($c: ID!, $p: String!) { communityPassbook(communityId: $c, phone: $p) {
				  balance available owner { displayName }
				  entries(first: 50) { totalCount nodes { kind minutes balanceAfter counterparty reason transferId } } } }""")
			.variable("c", this.communityId)
			.variable("p", phone)
			.execute()
			.path("communityPassbook")
			.entity(Map.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> corrections(String status) {
		return this.client.document("""
				query($c: ID!, $s: LedgerCorrectionStatus) { ledgerCorrections(communityId: $c, status: $s, first: 100) {
				  totalCount edges { cursor node { id status } } nodes { id status minutes reason volunteer { displayName } }
				  pageInfo { hasNextPage endCursor } } }""")
			.variable("c", this.communityId)
			.variable("s", status)
			.execute()
			.path("ledgerCorrections.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> payload(String document, Map<String, Object> input, String field) {
		return this.client.document(document).variable("input", input).execute().path(field).entity(Map.class).get();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> correction(Map<String, Object> payload) {
		return (Map<String, Object>) payload.get("correction");
	}

	@SuppressWarnings("unchecked")
	static List<String> codes(Map<String, Object> payload) {
		return ((List<Map<String, Object>>) payload.get("userErrors")).stream().map(e -> (String) e.get("code")).toList();
	}

	@SuppressWarnings("unchecked")
	static String message(Map<String, Object> payload) {
		return (String) ((List<Map<String, Object>>) payload.get("userErrors")).get(0).get("message");
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> entries(Map<String, Object> passbook) {
		return (List<Map<String, Object>>) ((Map<String, Object>) passbook.get("entries")).get("nodes");
	}

}
