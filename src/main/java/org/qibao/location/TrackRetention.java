package org.qibao.location;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes closed check-ins' tracks once they pass the retention period. Every instance
 * schedules it, but a PostgreSQL advisory lock and the job's last run let only one do the work
 * per period.
 */
@Component
class TrackRetention {

	private static final Log log = LogFactory.getLog(TrackRetention.class);

	private static final String JOB = "track-retention";

	private final CoverageRecords records;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final LocationProperties properties;

	private final Clock clock;

	TrackRetention(CoverageRecords records, JdbcClient jdbc, TransactionTemplate transaction,
			LocationProperties properties, Clock clock) {
		this.records = records;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${qibao.location.retention-job-delay:5m}",
			fixedDelayString = "${qibao.location.retention-job-period:1h}")
	void onSchedule() {
		int deleted = deleteExpiredTracks(true);
		if (deleted > 0) {
			log.info("Deleted " + deleted + " track positions older than " + this.properties.retention());
		}
	}

	/** Deletes expired tracks unless another instance holds the job (or, when scheduled, ran it lately). */
	int deleteExpiredTracks(boolean onlyWhenDue) {
		Integer deleted = this.transaction.execute(status -> {
			boolean mine = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('qibao.location.' || ?))")
				.param(JOB)
				.query(Boolean.class)
				.single();
			if (!mine || (onlyWhenDue && !due())) {
				return 0;
			}
			return this.records.deleteTracksBefore(this.clock.instant().minus(this.properties.retention()));
		});
		return deleted == null ? 0 : deleted;
	}

	/** Records this run unless another instance ran the job within the last 50 minutes. */
	private boolean due() {
		return this.jdbc.sql("""
				INSERT INTO location_job_run (job, last_at) VALUES (?, now())
				ON CONFLICT (job) DO UPDATE SET last_at = now()
				WHERE location_job_run.last_at < now() - interval '50 minutes'""")
			.param(JOB)
			.update() > 0;
	}

}
