package org.qibao.timebank;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a caller asks the ledger to move. Its content hash lets a repeated idempotency key be
 * told apart from the same key reused for something else.
 *
 * @param detail content that is not stored on the transfer but tells two requests apart (e.g. a gift's note)
 */
record TransferRequest(TransferKind kind, long fromAccountId, long toAccountId, long minutes, String reference,
		Long actorId, String idempotencyKey, Long reversalOf, Long holdId, String detail) {

	static TransferRequest of(TransferKind kind, long from, long to, long minutes, String reference, Long actorId,
			String idempotencyKey) {
		return new TransferRequest(kind, from, to, minutes, reference, actorId, idempotencyKey, null, null, "");
	}

	TransferRequest withDetail(String detail) {
		return new TransferRequest(this.kind, this.fromAccountId, this.toAccountId, this.minutes, this.reference,
				this.actorId, this.idempotencyKey, this.reversalOf, this.holdId, detail == null ? "" : detail);
	}

	String contentHash() {
		return sha256(String.join("|", this.kind.name(), Long.toString(this.fromAccountId),
				Long.toString(this.toAccountId), Long.toString(this.minutes), this.reference,
				String.valueOf(this.reversalOf), String.valueOf(this.holdId), this.detail));
	}

	static String sha256(String content) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
