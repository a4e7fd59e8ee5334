package org.qibao.shared;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Every {@link AdministrativeAction} the application published, whatever thread it was published
 * on (Spring's own recorded events see only the test's thread): import it into a test to check
 * that a change is told to the audit log.
 */
@TestComponent
public class RecordedAdministrativeActions {

	private final List<AdministrativeAction> actions = new CopyOnWriteArrayList<>();

	@EventListener
	void on(AdministrativeAction action) {
		this.actions.add(action);
	}

	/** The actions of this kind (e.g. {@code identity.invitationCreate}) on this subject, in order. */
	public List<AdministrativeAction> of(String action, long subjectId) {
		return this.actions.stream().filter(a -> a.action().equals(action) && a.subjectId() == subjectId).toList();
	}

	/** The actions of this kind, in order. */
	public List<AdministrativeAction> of(String action) {
		return this.actions.stream().filter(a -> a.action().equals(action)).toList();
	}

}
