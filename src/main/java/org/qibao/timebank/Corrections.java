package org.qibao.timebank;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qibao.shared.BusinessRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators' corrections of the ledger: reversals and passbook adjustments. Each is written
 * as a request; up to the community's threshold it is applied at once, above it another
 * administrator of the community approves or refuses it. The accounts are locked before any
 * check, so the balance checked is the balance moved, and a transfer's reversals are asked for
 * one at a time.
 */
@Service
class Corrections {

	private final Ledger ledger;

	private final CorrectionRows rows;

	private final Policies policies;

	private final CorrectionAudit audit;

	private final Clock clock;

	Corrections(Ledger ledger, CorrectionRows rows, Policies policies, CorrectionAudit audit, Clock clock) {
		this.ledger = ledger;
		this.rows = rows;
		this.policies = policies;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Credits (from the issuing account) or debits (to it) a volunteer's passbook. Repeating the
	 * idempotency key returns the first correction.
	 */
	@Transactional
	LedgerCorrection adjust(long actorId, long communityId, long volunteerId, boolean credit, long minutes, String reason,
			String idempotencyKey) {
		String why = CorrectionRules.reason(reason);
		CorrectionRules.amount(minutes);
		CorrectionRules.notOwnPassbook(volunteerId, actorId);
		long passbook = this.ledger.open(AccountRef.passbook(communityId, volunteerId));
		long issuing = this.ledger.open(AccountRef.issuing(communityId));
		Map<Long, LedgerAccount> accounts = this.ledger.lock(passbook, issuing);
		Optional<LedgerCorrection> earlier = this.rows.byKey(idempotencyKey);
		if (earlier.isPresent()) {
			return CorrectionRules.sameAdjustment(earlier.get(), volunteerId, credit ? minutes : -minutes, why);
		}
		if (!credit) {
			CorrectionRules.mayDebit(accounts.get(passbook), minutes, "minutes");
		}
		long from = credit ? issuing : passbook;
		long to = credit ? passbook : issuing;
		return request(actorId, new LedgerCorrection(0, communityId, LedgerCorrection.Kind.ADJUSTMENT,
				LedgerCorrection.Status.PENDING, from, to, minutes, volunteerId, credit ? minutes : -minutes, null, why,
				needsApproval(communityId, minutes), actorId, this.clock.instant(), null, null, null), idempotencyKey,
				"passbookAdjust");
	}

	/** Moves a transfer's minutes back by a new transfer, at most once per transfer. */
	@Transactional
	LedgerCorrection reverse(long actorId, long communityId, Transfer original, String reason) {
		String why = CorrectionRules.reason(reason);
		CorrectionRules.reversible(original);
		Map<Long, LedgerAccount> accounts = this.ledger.lock(original.fromAccountId(), original.toAccountId());
		Optional<LedgerCorrection> asked = this.rows.reversalOf(original.id());
		if (asked.isPresent()) {
			throw new BusinessRuleException(asked.get().status() == LedgerCorrection.Status.PENDING ? "REVERSAL_PENDING"
					: "ALREADY_REVERSED", "transferId");
		}
		if (this.ledger.reversalOf(original.id()).isPresent()) {
			throw new BusinessRuleException("ALREADY_REVERSED", "transferId");
		}
		LedgerAccount loser = accounts.get(original.toAccountId());
		CorrectionRules.mayDebit(loser, original.minutes(), "transferId");
		LedgerAccount gainer = accounts.get(original.fromAccountId());
		Long owner = loser.kind() == AccountKind.PASSBOOK ? Long.valueOf(loser.ownerId())
				: gainer.kind() == AccountKind.PASSBOOK ? Long.valueOf(gainer.ownerId()) : null;
		CorrectionRules.notOwnPassbook(loser, actorId);
		CorrectionRules.notOwnPassbook(gainer, actorId);
		long passbookMinutes = owner == null ? 0
				: loser.kind() == AccountKind.PASSBOOK ? -original.minutes() : original.minutes();
		return request(actorId, new LedgerCorrection(0, communityId, LedgerCorrection.Kind.REVERSAL,
				LedgerCorrection.Status.PENDING, original.toAccountId(), original.fromAccountId(), original.minutes(), owner,
				passbookMinutes, original.id(), why, needsApproval(communityId, original.minutes()), actorId,
				this.clock.instant(), null, null, null), null, "transferReverse");
	}

	/** A second administrator's approval: the minutes move now, once. */
	@Transactional
	LedgerCorrection approve(long actorId, long correctionId) {
		LedgerCorrection pending = pending(correctionId);
		if (pending.requestedBy() == actorId) {
			throw new BusinessRuleException("OWN_CORRECTION", "correctionId");
		}
		Map<Long, LedgerAccount> accounts = this.ledger.lock(pending.fromAccountId(), pending.toAccountId());
		accounts.values().forEach(account -> CorrectionRules.notOwnPassbook(account, actorId));
		CorrectionRules.mayDebit(accounts.get(pending.fromAccountId()), pending.minutes(), "correctionId");
		Map<String, Object> before = this.audit.balances(pending.fromAccountId(), pending.toAccountId());
		LedgerCorrection applied = apply(pending, actorId);
		this.audit.publish(actorId, "ledgerCorrectionApprove", before, CorrectionAudit.status(pending), applied);
		return applied;
	}

	/** Another administrator's refusal, or the requester's withdrawal: nothing moves, ever. */
	@Transactional
	LedgerCorrection refuse(long actorId, long correctionId) {
		LedgerCorrection pending = pending(correctionId);
		Map<String, Object> before = this.audit.balances(pending.fromAccountId(), pending.toAccountId());
		this.rows.decide(correctionId, LedgerCorrection.Status.REFUSED, actorId, this.clock.instant(), null);
		LedgerCorrection refused = find(correctionId).orElseThrow();
		this.audit.publish(actorId, "ledgerCorrectionRefuse", before, CorrectionAudit.status(pending), refused);
		return refused;
	}

	Optional<LedgerCorrection> find(long id) {
		return Optional.ofNullable(this.rows.findAll(List.of(id)).get(id));
	}

	/** The community whose ledger holds the transfer, when there is such a transfer. */
	Optional<Long> communityOf(Transfer transfer) {
		return this.ledger.accounts(List.of(transfer.fromAccountId())).stream().findFirst().map(LedgerAccount::communityId);
	}

	private LedgerCorrection request(long actorId, LedgerCorrection asked, String idempotencyKey, String action) {
		Map<String, Object> before = this.audit.balances(asked.fromAccountId(), asked.toAccountId());
		long id = this.rows.insert(asked, idempotencyKey);
		LedgerCorrection correction = find(id).orElseThrow();
		if (!correction.needsApproval()) {
			correction = apply(correction, actorId);
		}
		this.audit.publish(actorId, action, before, CorrectionAudit.status(null), correction);
		return correction;
	}

	private LedgerCorrection apply(LedgerCorrection correction, long deciderId) {
		String key = "correction:" + correction.id();
		Transfer transfer = correction.kind() == LedgerCorrection.Kind.REVERSAL
				? this.ledger.reverse(this.ledger.transfer(correction.reversesTransferId()).orElseThrow(), key, deciderId)
				: this.ledger.post(TransferRequest.of(TransferKind.ADJUSTMENT, correction.fromAccountId(),
						correction.toAccountId(), correction.minutes(), key, deciderId, key));
		this.rows.decide(correction.id(), LedgerCorrection.Status.APPLIED, deciderId, this.clock.instant(), transfer.id());
		return find(correction.id()).orElseThrow();
	}

	private LedgerCorrection pending(long correctionId) {
		LedgerCorrection correction = this.rows.lock(correctionId)
			.orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "correctionId"));
		if (correction.status() != LedgerCorrection.Status.PENDING) {
			throw new BusinessRuleException("CORRECTION_ALREADY_DECIDED", "correctionId");
		}
		return correction;
	}

	private boolean needsApproval(long communityId, long minutes) {
		return this.policies.of(communityId).needsApproval(minutes);
	}

}
