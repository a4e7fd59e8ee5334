package org.qibao.security;

import java.util.Map;
import java.util.UUID;

import org.qibao.shared.GlobalId;

/**
 * Corrections waiting for a second administrator: a credit to a volunteer's passbook, one minute
 * above the community's approval threshold, asked for by the community office's administrator.
 */
final class CorrectionObjects {

	private static final String ADJUST = """
			mutation($input: PassbookAdjustInput!) { passbookAdjust(input: $input) { correction { id status } userErrors { code } } }""";

	private final Dongting dongting;

	private Dongting.Person volunteer;

	CorrectionObjects(Dongting dongting) {
		this.dongting = dongting;
	}

	ExistingObject pending() {
		if (this.volunteer == null) {
			this.volunteer = this.dongting.volunteer("矩阵存折");
		}
		int threshold = this.dongting.jdbc.sql("""
				SELECT coalesce((SELECT correction_approval_threshold FROM timebank_policy WHERE community_id = ?), 120)""")
			.param(this.dongting.communityId)
			.query(Integer.class)
			.single();
		Map<String, Object> input = Map.of("communityId", this.dongting.community(), "volunteerId", this.volunteer.id(),
				"direction", "CREDIT", "minutes", threshold + 1, "reason", "矩阵更正", "idempotencyKey",
				"matrix-" + UUID.randomUUID());
		Map<?, ?> correction = (Map<?, ?>) this.dongting.calls
			.succeeded(this.dongting.office().token(), ADJUST, Map.of("input", input), "passbookAdjust")
			.get("correction");
		if (!"PENDING".equals(correction.get("status"))) {
			throw new AssertionError("A correction above the threshold should wait for approval: " + correction);
		}
		String id = correction.get("id").toString();
		long key = GlobalId.keyOf(id, "LedgerCorrection");
		return ExistingObject.input(Map.of("correctionId", id), () -> this.dongting.jdbc
			.sql("SELECT status FROM ledger_correction WHERE id = ?")
			.param(key)
			.query(String.class)
			.single());
	}

}
