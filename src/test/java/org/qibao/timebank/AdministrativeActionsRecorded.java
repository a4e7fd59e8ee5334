package org.qibao.timebank;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.qibao.shared.AdministrativeAction;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** Records every {@link AdministrativeAction} the running application publishes, as the audit log would. */
@TestConfiguration(proxyBeanMethods = false)
class AdministrativeActionsRecorded {

	static final List<AdministrativeAction> ACTIONS = new CopyOnWriteArrayList<>();

	/** The actions one person took, oldest first. */
	static List<AdministrativeAction> by(long actorAccountId) {
		return ACTIONS.stream().filter(a -> a.actorAccountId() == actorAccountId).toList();
	}

	@Bean
	Recorder administrativeActionRecorder() {
		return new Recorder();
	}

	static class Recorder {

		@EventListener
		void on(AdministrativeAction action) {
			ACTIONS.add(action);
		}

	}

}
