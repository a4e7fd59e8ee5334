package org.qibao.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case board benchmark's district: a community of {@code grids} grids drawn through the
 * geography module, a grid worker for each (granted through identity), volunteers who report, and
 * {@code perGrid} cases in every grid written in bulk SQL, as the workflow would have left them
 * after six months: every stage of the city's workflow, a handler for the dispatched ones, a
 * timeline entry for the report and one for the latest step, a photo on every fourth, overdue ones
 * already escalated (so the escalation job has nothing to do during the run). In the casework
 * package (on the bench's class path only) to reach its categories.
 */
public final class CaseboardFixtures {

	/** The grids' lattice: cells of 0.002 degrees with a gap between them, 20 to a row. */
	private static final int PER_ROW = 20;

	private static final double CELL = 0.002;

	private CaseboardFixtures() {
	}

	/** What the driver needs: the community's key and each grid worker's account. */
	public record District(long communityId, List<Long> gridWorkers, int cases) {
	}

	public static District create(ApplicationContext context, int grids, int perGrid, String password) {
		Geography geography = context.getBean(Geography.class);
		Accounts accounts = context.getBean(Accounts.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		String stamp = String.format(Locale.ROOT, "%05d", (System.currentTimeMillis() / 1000) % 100_000);
		long city = geography.createCity("基准市 " + stamp);
		long street = geography.createStreet(geography.createDistrict(city, "基准区"), "基准街道");
		long community = geography.createCommunity(street, "基准社区 " + stamp, "Asia/Shanghai");
		List<Long> gridIds = new ArrayList<>();
		for (int g = 0; g < grids; g++) {
			double lon = 114.30 + (g % PER_ROW) * CELL;
			double lat = 30.50 + (g / PER_ROW) * CELL;
			double w = CELL * 0.95;
			Grid grid = geography.createGrid(community, String.format(Locale.ROOT, "B-%03d", g), "基准网格 " + g,
					String.format(Locale.ROOT,
							"{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}",
							lon, lat, lon + w, lat, lon + w, lat + w, lon, lat + w, lon, lat));
			gridIds.add(grid.id());
		}
		List<Long> workers = people(accounts, jdbc, "176" + stamp, "网格员", grids, password);
		for (int g = 0; g < grids; g++) {
			accounts.grant(workers.get(g), Role.GRID_WORKER, gridIds.get(g));
		}
		int reporterCount = Math.max(3, grids * 2);
		List<Long> reporters = people(accounts, jdbc, "175" + stamp, "志愿者", reporterCount, password);
		jdbc.sql("INSERT INTO role_assignment (account_id, role, scope_id) SELECT unnest(?::bigint[]), ?, ? ON CONFLICT DO NOTHING")
			.params(reporters.toArray(Long[]::new), Role.VOLUNTEER.name(), community)
			.update();
		List<Long> categories = context.getBean(CaseCategories.class).of(community, false).stream().map(CaseCategory::id).toList();
		int cases = cases(jdbc, community, gridIds, workers, reporters, categories, perGrid);
		return new District(community, workers, cases);
	}

	/** {@code count} accounts: the first registered as anyone is, the others with its password hash copied. */
	private static List<Long> people(Accounts accounts, JdbcClient jdbc, String prefix, String name, int count,
			String password) {
		long first = accounts.register(prefix + "0000", name + "0", password, "zh-CN").id();
		jdbc.sql("""
				INSERT INTO account (phone, display_name, password_hash, locale)
				SELECT ? || lpad(i::text, 4, '0'), ? || i, a.password_hash, 'zh-CN'
				FROM account a, generate_series(1, ? - 1) i WHERE a.id = ?""")
			.params(prefix, name, count, first)
			.update();
		return jdbc.sql("SELECT id FROM account WHERE phone LIKE ? ORDER BY phone").param(prefix + "%").query(Long.class).list();
	}

	private static int cases(JdbcClient jdbc, long community, List<Long> grids, List<Long> workers, List<Long> reporters,
			List<Long> categories, int perGrid) {
		int written = jdbc.sql("""
				WITH g AS (
				    SELECT grid_id, worker, n - 1 AS n
				    FROM unnest(?::bigint[], ?::bigint[]) WITH ORDINALITY AS g(grid_id, worker, n)),
				c AS (
				    SELECT g.grid_id, g.worker, g.n, i,
				           (?::bigint[])[1 + (g.n * 31 + i) % cardinality(?::bigint[])] AS reporter,
				           (?::bigint[])[1 + (g.n + i) % cardinality(?::bigint[])] AS category,
				           (ARRAY['REPORTED','REPORTED','ACCEPTED','DISPATCHED','IN_PROGRESS','RESOLVED','REOPENED',
				                  'VERIFIED','CLOSED','REJECTED'])[1 + (g.n + i) % 10] AS stage,
				           date_trunc('minute', now()) - make_interval(mins => (1 + (g.n * 7919 + i * 2609) % 259200)::int) AS at
				    FROM g, generate_series(0, ? - 1) i),
				t AS (
				    SELECT c.*,
				           CASE WHEN stage NOT IN ('REPORTED', 'REJECTED') THEN at + interval '10 minutes' END AS accepted,
				           CASE WHEN stage IN ('RESOLVED', 'VERIFIED', 'CLOSED') THEN at + interval '2 days' END AS resolved
				    FROM c)
				INSERT INTO grid_case (community_id, category_id, grid_id, reporter_id, report_key, description, longitude,
				                       latitude, anonymous, reported_at, received_at, stage, version, accept_due_at,
				                       resolve_within_minutes, resolve_due_at, accepted_at, resolved_at, verified_at,
				                       closed_at, handler_account_id, rejection, rejection_reason, satisfaction,
				                       reopen_count, escalated_at, verified_announced)
				SELECT ?, category, grid_id, reporter, 'bench-' || grid_id || '-' || i, '基准案件 ' || n || '-' || i,
				       114.30 + (n % 20) * 0.002 + 0.001, 30.50 + (n / 20) * 0.002 + 0.001, i % 7 = 0, at, at, stage,
				       CASE WHEN stage IN ('REPORTED') THEN 1 ELSE 2 END,
				       at + interval '4 hours', 10080, accepted + interval '7 days', accepted, resolved,
				       CASE WHEN stage IN ('VERIFIED', 'CLOSED') THEN resolved + interval '1 hour' END,
				       CASE WHEN stage = 'CLOSED' THEN resolved + interval '2 hours' END,
				       CASE WHEN stage IN ('DISPATCHED', 'IN_PROGRESS', 'RESOLVED', 'REOPENED', 'VERIFIED', 'CLOSED')
				            THEN worker END,
				       CASE WHEN stage = 'REJECTED' THEN 'INVALID' END,
				       CASE WHEN stage = 'REJECTED' THEN '现场未见' END,
				       CASE WHEN stage = 'CLOSED' THEN 1 + i % 5 END,
				       CASE WHEN stage = 'REOPENED' THEN 1 ELSE 0 END,
				       CASE WHEN stage = 'REPORTED' AND at + interval '4 hours' < now() THEN at + interval '4 hours'
				            WHEN stage IN ('ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'REOPENED')
				                 AND accepted + interval '7 days' < now() THEN accepted + interval '7 days' END,
				       stage IN ('VERIFIED', 'CLOSED')
				FROM t""")
			.params(longs(grids), longs(workers), longs(reporters), longs(reporters), longs(categories), longs(categories),
					perGrid, community)
			.update();
		// the timeline: the report, and the latest step by the grid worker
		jdbc.sql("""
				INSERT INTO case_event (case_id, kind, stage, actor_id, at)
				SELECT id, 'REPORTED', 'REPORTED', reporter_id, reported_at FROM grid_case WHERE community_id = ?""")
			.param(community)
			.update();
		jdbc.sql("""
				INSERT INTO case_event (case_id, kind, stage, actor_id, at)
				SELECT c.id, CASE c.stage WHEN 'IN_PROGRESS' THEN 'STARTED' ELSE c.stage END, c.stage,
				       coalesce(c.handler_account_id, w.account_id),
				       coalesce(c.closed_at, c.verified_at, c.resolved_at, c.accepted_at, c.reported_at + interval '20 minutes')
				FROM grid_case c
				JOIN LATERAL (SELECT account_id FROM role_assignment r
				              WHERE r.role = 'GRID_WORKER' AND r.scope_id = c.grid_id LIMIT 1) w ON true
				WHERE c.community_id = ? AND c.stage <> 'REPORTED'""")
			.param(community)
			.update();
		jdbc.sql("""
				INSERT INTO case_photo (id, uploaded_by, uploaded_at, case_id, attached_at, content_type, width, height, bytes)
				SELECT gen_random_uuid(), reporter_id, reported_at, id, reported_at, 'image/jpeg', 1, 1, '\\xffd8'::bytea
				FROM grid_case WHERE community_id = ? AND id % 4 = 0""")
			.param(community)
			.update();
		jdbc.sql("ANALYZE grid_case").update();
		jdbc.sql("ANALYZE case_event").update();
		jdbc.sql("ANALYZE case_photo").update();
		return written;
	}

	private static Long[] longs(List<Long> ids) {
		return ids.toArray(Long[]::new);
	}

}
