package org.qibao.timebank;

import java.time.Instant;

import org.springframework.stereotype.Service;

/**
 * The time bank's API for other modules (the merchant module's redemptions) and for operators:
 * holds, passbooks and the ledger's invariant check.
 */
@Service
public class TimeBank {

	private final Holds holds;

	private final Passbooks passbooks;

	private final InvariantCheck invariantCheck;

	private final PatrolEarnings earnings;

	TimeBank(Holds holds, Passbooks passbooks, InvariantCheck invariantCheck, PatrolEarnings earnings) {
		this.holds = holds;
		this.passbooks = passbooks;
		this.invariantCheck = invariantCheck;
		this.earnings = earnings;
	}

	/**
	 * Credits verified patrol minutes as the {@code AttendanceVerified} listener does, at most once
	 * per attendance; for loading history (the demo). Returns the minutes credited (the rest of
	 * the verified minutes are honour minutes, or it was credited before).
	 */
	public int creditPatrol(org.qibao.patrol.AttendanceVerified attendance) {
		return this.earnings.credit(attendance);
	}

	/**
	 * Reserves minutes of an account until they are captured, released or the hold expires.
	 * Repeating the call with the same key returns the first hold; the same key with other terms
	 * is refused ({@code IDEMPOTENCY_KEY_REUSED}). Refused with {@code INSUFFICIENT_MINUTES}
	 * beyond the available balance.
	 */
	public Hold hold(AccountRef account, long minutes, Instant expiresAt, String reference, String idempotencyKey) {
		return this.holds.place(account, minutes, expiresAt, reference, idempotencyKey);
	}

	/**
	 * Moves a hold's minutes to the account, exactly once: repeating the capture with the same
	 * key returns the same transfer; any other capture of a settled hold is refused
	 * ({@code HOLD_EXPIRED} once past its expiry, whether or not it was expired yet, otherwise
	 * {@code HOLD_NOT_OPEN}).
	 */
	public Transfer capture(long holdId, AccountRef to, String idempotencyKey) {
		return this.holds.capture(holdId, to, idempotencyKey);
	}

	/** Gives a hold's minutes back to the available balance; releasing twice changes nothing. */
	public Hold release(long holdId) {
		return this.holds.release(holdId);
	}

	public java.util.Optional<Hold> findHold(long holdId) {
		return this.holds.find(holdId);
	}

	/** Expires every overdue open hold; safe to run on every instance at once. Returns how many. */
	public int expireHolds() {
		int expired = 0;
		while (this.holds.expireOne()) {
			expired++;
		}
		return expired;
	}

	public Passbook passbook(long communityId, long accountId) {
		return this.passbooks.of(communityId, accountId);
	}

	/** Checks every invariant of the whole ledger at one moment and reports any breach. */
	public LedgerCheck checkInvariants() {
		return this.invariantCheck.run();
	}

}
