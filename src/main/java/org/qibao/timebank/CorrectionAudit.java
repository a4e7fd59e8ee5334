package org.qibao.timebank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qibao.shared.AdministrativeAction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes each request, approval and refusal of a correction for the audit log, with the
 * balances of both accounts before and after, inside the transaction that makes the change.
 */
@Component
class CorrectionAudit {

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	CorrectionAudit(Ledger ledger, ApplicationEventPublisher events) {
		this.ledger = ledger;
		this.events = events;
	}

	/** The balances of the correction's two accounts now, to pass back to {@link #publish}. */
	Map<String, Object> balances(long fromAccountId, long toAccountId) {
		Map<Long, Long> balance = new LinkedHashMap<>();
		this.ledger.accounts(List.of(fromAccountId, toAccountId)).forEach(a -> balance.put(a.id(), a.balance()));
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("fromBalance", balance.get(fromAccountId));
		figures.put("toBalance", balance.get(toAccountId));
		return figures;
	}

	void publish(long actorId, String action, Map<String, Object> balancesBefore, Map<String, Object> statusBefore,
			LedgerCorrection after) {
		Map<String, Object> before = new LinkedHashMap<>(statusBefore);
		before.putAll(balancesBefore);
		this.events.publishEvent(new AdministrativeAction(actorId, after.communityId(), "timebank." + action,
				"LedgerCorrection", after.id(), before, describe(after)));
	}

	static Map<String, Object> status(LedgerCorrection correction) {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("status", correction == null ? null : correction.status().name());
		return status;
	}

	private Map<String, Object> describe(LedgerCorrection c) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", c.status().name());
		after.put("kind", c.kind().name());
		after.put("minutes", c.minutes());
		after.put("reason", c.reason());
		after.put("volunteerAccountId", c.passbookOwnerId());
		after.put("passbookMinutes", c.passbookMinutes());
		after.put("reversesTransferId", c.reversesTransferId());
		after.put("needsApproval", c.needsApproval());
		after.put("requestedBy", c.requestedBy());
		after.put("transferId", c.transferId());
		after.putAll(balances(c.fromAccountId(), c.toAccountId()));
		return after;
	}

}
