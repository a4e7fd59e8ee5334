package org.qibao.local;

import org.springframework.boot.SpringApplication;

/**
 * Stops an embedded store at JVM exit, but only after every application context has closed:
 * a JVM shutdown hook of its own would run beside Spring's and pull the store away from
 * beans that still use it while they close.
 */
final class StopAfterContexts {

	private StopAfterContexts() {
	}

	interface Stoppable {

		void stop() throws Exception;

	}

	static void register(Stoppable store) {
		SpringApplication.getShutdownHandlers().add(() -> {
			try {
				store.stop();
			}
			catch (Exception ex) {
				// the JVM is exiting: nothing left to tell
			}
		});
	}

}
