package org.qibao.patrol;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.qibao.location.PatrolCoverage;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * The patrol tests' stand-ins at the module boundary: a position coverage the test chooses per
 * check-in (instead of driving phones through the location module), and a record of the
 * AttendanceVerified events published.
 */
@TestConfiguration(proxyBeanMethods = false)
class PatrolTestConfiguration {

	/** Coverage chosen by the test per volunteer; null stands for "location unavailable". */
	static class ChosenCoverage implements PatrolCoverage {

		static final Coverage NONE = new Coverage(List.of(), 0, 0, 0, true);

		private final Map<Long, Coverage> byAccount = new ConcurrentHashMap<>();

		private final Map<Long, Integer> closes = new ConcurrentHashMap<>();

		private final PatrolQueries queries;

		ChosenCoverage(PatrolQueries queries) {
			this.queries = queries;
		}

		void choose(long accountId, Coverage coverage) {
			this.byAccount.put(accountId, coverage == null ? new Coverage(null, 0, 0, 0, false) : coverage);
		}

		int closes(long checkInId) {
			return this.closes.getOrDefault(checkInId, 0);
		}

		@Override
		public Coverage close(long checkInId) {
			this.closes.merge(checkInId, 1, Integer::sum);
			long accountId = this.queries.checkIns(List.of(checkInId)).get(checkInId).accountId();
			Coverage chosen = this.byAccount.getOrDefault(accountId, NONE);
			if (chosen.coveredMinutes() == null) {
				throw new IllegalStateException("location unavailable");
			}
			return chosen;
		}

	}

	/** The AttendanceVerified events published, in order. */
	static class VerifiedEvents {

		final List<AttendanceVerified> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(AttendanceVerified event) {
			this.events.add(event);
		}

		List<AttendanceVerified> of(long accountId) {
			return this.events.stream().filter(e -> e.accountId() == accountId).toList();
		}

	}

	@Bean
	@Primary
	ChosenCoverage chosenCoverage(PatrolQueries queries) {
		return new ChosenCoverage(queries);
	}

	/** The AdministrativeAction events published, in order. */
	static class AdministrativeActions {

		final List<org.qibao.shared.AdministrativeAction> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(org.qibao.shared.AdministrativeAction event) {
			this.events.add(event);
		}

		/** Those of one action on one subject, e.g. {@code patrol.teamCreate} on team 7. */
		List<org.qibao.shared.AdministrativeAction> of(String action, long subjectId) {
			return this.events.stream().filter(e -> e.action().equals(action) && e.subjectId() == subjectId).toList();
		}

	}

	@Bean
	AdministrativeActions administrativeActions() {
		return new AdministrativeActions();
	}

	@Bean
	VerifiedEvents verifiedEvents() {
		return new VerifiedEvents();
	}

	@Bean
	PatrolFixture patrolFixture() {
		return new PatrolFixture();
	}

}
