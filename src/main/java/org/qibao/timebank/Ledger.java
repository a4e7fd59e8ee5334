package org.qibao.timebank;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double-entry ledger: opens accounts, locks them, and posts transfers as two entries.
 * Every method runs inside the caller's transaction. Accounts are always locked in the order
 * of their IDs, so two transfers never wait for each other in a circle.
 */
@Component
class Ledger {

	static final String TRANSFER_COLUMNS = """
			id, kind, from_account_id, to_account_id, minutes, reference, actor_id, idempotency_key, reversal_of,
			hold_id, created_at""";

	private static final String ACCOUNT_COLUMNS = "id, kind, community_id, owner_id, balance, held";

	private final JdbcClient jdbc;

	Ledger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The account's ID, opening it empty when it does not exist yet. Nearly every account asked
	 * for exists, so it is looked up first and inserted only when missing (an insert that finds
	 * it there would still be a write); of concurrent first opens, one inserts and the others
	 * find its row.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	long open(AccountRef ref) {
		Optional<Long> existing = id(ref);
		if (existing.isPresent()) {
			return existing.get();
		}
		return this.jdbc.sql("""
				INSERT INTO ledger_account (kind, community_id, owner_id) VALUES (?, ?, ?)
				ON CONFLICT (kind, community_id, owner_id) DO NOTHING RETURNING id""")
			.params(ref.kind().name(), ref.communityId(), ref.ownerId())
			.query(Long.class)
			.optional()
			.or(() -> id(ref))
			.orElseThrow();
	}

	private Optional<Long> id(AccountRef ref) {
		return this.jdbc.sql("SELECT id FROM ledger_account WHERE kind = ? AND community_id = ? AND owner_id = ?")
			.params(ref.kind().name(), ref.communityId(), ref.ownerId())
			.query(Long.class)
			.optional();
	}

	Optional<LedgerAccount> find(AccountRef ref) {
		return this.jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM ledger_account WHERE kind = ? AND community_id = ? AND owner_id = ?")
			.params(ref.kind().name(), ref.communityId(), ref.ownerId())
			.query(Ledger::account)
			.optional();
	}

	/** Opens the account when it does not exist yet and locks it for the rest of the transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	LedgerAccount openLocked(AccountRef ref) {
		return this.jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM ledger_account WHERE kind = ? AND community_id = ? AND owner_id = ? FOR UPDATE")
			.params(ref.kind().name(), ref.communityId(), ref.ownerId())
			.query(Ledger::account)
			.optional()
			.orElseGet(() -> {
				long id = open(ref);
				return lock(id).get(id);
			});
	}

	/** Locks the accounts for the rest of the transaction, in ID order; returns them by ID. */
	@Transactional(propagation = Propagation.MANDATORY)
	Map<Long, LedgerAccount> lock(long... accountIds) {
		Long[] ids = Arrays.stream(accountIds).distinct().sorted().boxed().toArray(Long[]::new);
		return this.jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM ledger_account WHERE id = ANY(?) ORDER BY id FOR UPDATE")
			.param(ids)
			.query(Ledger::account)
			.list()
			.stream()
			.collect(Collectors.toMap(LedgerAccount::id, Function.identity()));
	}

	/**
	 * The transfer an earlier request with this key made, when the request is the same; refuses
	 * the key when it was used for something else.
	 */
	Optional<Transfer> replay(TransferRequest request) {
		Optional<KeyedTransfer> earlier = this.jdbc.sql("SELECT " + TRANSFER_COLUMNS + ", content_hash FROM ledger_transfer WHERE idempotency_key = ?")
			.param(request.idempotencyKey())
			.query((rs, n) -> new KeyedTransfer(Transfers.map(rs), rs.getString("content_hash")))
			.optional();
		if (earlier.isPresent() && !earlier.get().contentHash().equals(request.contentHash())) {
			throw new BusinessRuleException("IDEMPOTENCY_KEY_REUSED", "idempotencyKey");
		}
		return earlier.map(KeyedTransfer::transfer);
	}

	/**
	 * Moves the minutes, or returns the transfer an identical earlier request made. Refuses a
	 * spend beyond the available balance; the database's constraints are the backstop.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Transfer post(TransferRequest request) {
		if (request.minutes() <= 0) {
			throw new BusinessRuleException("INVALID_AMOUNT", "minutes");
		}
		Map<Long, LedgerAccount> accounts = lock(request.fromAccountId(), request.toAccountId());
		Optional<Transfer> earlier = replay(request);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		LedgerAccount from = accounts.get(request.fromAccountId());
		if (from == null || accounts.get(request.toAccountId()) == null || from.id() == request.toAccountId()) {
			throw new BusinessRuleException("NOT_FOUND", null);
		}
		if (!from.mayGoNegative() && from.available() < request.minutes()) {
			throw new BusinessRuleException("INSUFFICIENT_MINUTES", "minutes", from.available());
		}
		return write(request);
	}

	/**
	 * Posts the capture of a hold: the caller holds the hold's lock and its two accounts' locks,
	 * and the minutes were reserved by the hold, so there is no balance to check again and no
	 * earlier capture to look for first. A key used before is still answered by the insert's
	 * conflict, as {@link #post} answers it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Transfer postCapture(TransferRequest request) {
		if (request.fromAccountId() == request.toAccountId()) {
			throw new BusinessRuleException("NOT_FOUND", null);
		}
		return write(request);
	}

	/** Writes the transfer and its two entries, or answers with the transfer that took its key first. */
	private Transfer write(TransferRequest request) {
		Optional<Transfer> written = insert(request);
		if (written.isEmpty()) {
			// another transaction took the key for other accounts meanwhile: answer as if it came first
			return replay(request).orElseThrow();
		}
		Transfer transfer = written.get();
		entry(transfer.id(), request.fromAccountId(), -request.minutes());
		entry(transfer.id(), request.toAccountId(), request.minutes());
		return transfer;
	}

	/** Moves a transfer's minutes back, at most once per transfer. */
	@Transactional(propagation = Propagation.MANDATORY)
	Transfer reverse(Transfer original, String idempotencyKey, Long actorId) {
		TransferRequest reversal = new TransferRequest(TransferKind.REVERSAL, original.toAccountId(),
				original.fromAccountId(), original.minutes(), "reversal:" + original.id(), actorId, idempotencyKey,
				original.id(), null, "");
		return post(reversal);
	}

	Optional<Transfer> transfer(long id) {
		return this.jdbc.sql("SELECT " + TRANSFER_COLUMNS + " FROM ledger_transfer WHERE id = ?")
			.param(id)
			.query((rs, n) -> Transfers.map(rs))
			.optional();
	}

	/** The reversal of this transfer, if it was reversed. */
	Optional<Transfer> reversalOf(long transferId) {
		return this.jdbc.sql("SELECT " + TRANSFER_COLUMNS + " FROM ledger_transfer WHERE reversal_of = ?")
			.param(transferId)
			.query((rs, n) -> Transfers.map(rs))
			.optional();
	}

	Optional<Transfer> transferByKey(String idempotencyKey) {
		return this.jdbc.sql("SELECT " + TRANSFER_COLUMNS + " FROM ledger_transfer WHERE idempotency_key = ?")
			.param(idempotencyKey)
			.query((rs, n) -> Transfers.map(rs))
			.optional();
	}

	List<LedgerAccount> accounts(List<Long> ids) {
		return this.jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM ledger_account WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(Ledger::account)
			.list();
	}

	private Optional<Transfer> insert(TransferRequest r) {
		return this.jdbc.sql("""
				INSERT INTO ledger_transfer (kind, from_account_id, to_account_id, minutes, reference, actor_id,
				                             idempotency_key, content_hash, reversal_of, hold_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (idempotency_key) DO NOTHING
				RETURNING """ + " " + TRANSFER_COLUMNS)
			.params(r.kind().name(), r.fromAccountId(), r.toAccountId(), r.minutes(), r.reference(), r.actorId(),
					r.idempotencyKey(), r.contentHash(), r.reversalOf(), r.holdId())
			.query((rs, n) -> Transfers.map(rs))
			.optional();
	}

	private void entry(long transferId, long accountId, long minutes) {
		this.jdbc.sql("INSERT INTO ledger_entry (transfer_id, account_id, minutes, balance_after) VALUES (?, ?, ?, 0)")
			.params(transferId, accountId, minutes)
			.update();
	}

	/**
	 * By column index, not by name: reading a record by its components' names costs a failed
	 * lookup (a driver exception) for each two-word name, on the ledger's busiest statements.
	 */
	private static LedgerAccount account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new LedgerAccount(rs.getLong(1), AccountKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4),
				rs.getLong(5), rs.getLong(6));
	}

	private record KeyedTransfer(Transfer transfer, String contentHash) {
	}

}
