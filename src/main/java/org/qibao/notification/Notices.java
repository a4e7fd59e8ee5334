package org.qibao.notification;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How any module tells a person something: call it inside the transaction of the change, so
 * the notice commits with it or not at all. Modules call this rather than this module listening
 * to theirs, so that it depends on none of them (patrol, timebank and merchant all write here).
 */
@Service
public class Notices {

	private final NotificationStore store;

	Notices(NotificationStore store) {
		this.store = store;
	}

	/**
	 * Keeps a notice for a person to read whenever they next look.
	 *
	 * @return false when a notice with the same once-key was kept for them before (a redelivery)
	 */
	@Transactional
	public boolean tell(long accountId, Notice notice) {
		return this.store.add(accountId, notice);
	}

}
