package org.qibao.audit;

import org.qibao.shared.AdministrativeAction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every administrative action as it is published. Deliberately a plain, synchronous
 * listener, not an asynchronous module listener: it runs inside the publisher's transaction, so
 * a change rolled back leaves no entry, and an entry that cannot be written rolls the change back.
 * An action published outside any transaction is refused loudly ({@link AuditLog#record}), since
 * its change could not be tied to its record.
 */
@Component
class AuditRecorder {

	private final AuditLog log;

	AuditRecorder(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void on(AdministrativeAction action) {
		this.log.record(action);
	}

}
