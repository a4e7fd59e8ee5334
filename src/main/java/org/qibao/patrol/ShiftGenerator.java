package org.qibao.patrol;

import java.time.Clock;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every active schedule's shifts generated ahead. Safe on several instances at once: each
 * shift is inserted with ON CONFLICT on (schedule, start), so a second run adds nothing.
 */
@Component
class ShiftGenerator {

	private static final Log log = LogFactory.getLog(ShiftGenerator.class);

	private final JdbcClient jdbc;

	private final ShiftPlanning planning;

	private final Clock clock;

	ShiftGenerator(JdbcClient jdbc, ShiftPlanning planning, Clock clock) {
		this.jdbc = jdbc;
		this.planning = planning;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${qibao.patrol.generate-initial-delay:PT20S}", fixedDelayString = "${qibao.patrol.generate-every:PT1H}")
	void generateAhead() {
		int created = generateAhead(this.clock.instant());
		if (created > 0) {
			log.info("Generated " + created + " shifts from schedules");
		}
	}

	int generateAhead(Instant now) {
		return this.jdbc.sql("SELECT * FROM shift_schedule WHERE active ORDER BY id")
			.query(Rows.SCHEDULE)
			.list()
			.stream()
			.mapToInt(schedule -> this.planning.generate(schedule, now))
			.sum();
	}

}
