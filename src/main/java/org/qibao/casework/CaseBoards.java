package org.qibao.casework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.qibao.casework.photo.CasePhoto;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.shared.Connection;
import org.qibao.shared.Connection.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.qibao.casework.CaseRows.CASE;
import static org.qibao.casework.CaseRows.CASE_COLUMNS;
import static org.qibao.casework.CaseRows.at;
import static org.qibao.casework.CaseRows.instant;
import static org.qibao.casework.CaseRows.longs;
import static org.qibao.casework.CaseRows.nullableLong;

/**
 * Reads a page of the case board with everything its cards show, in one statement: the count,
 * and for each case its category, grid, reporter (and whether they erased their data), photos
 * and latest timeline entry with its actor.
 * <p>
 * The board is the grid worker's busiest screen, refreshed every few seconds; its cards' fields
 * would otherwise cost one batch each. So this read joins the grid and account rows that the
 * geography and identity modules otherwise answer; it only reads them, mapped as those modules
 * map them, and which of them a viewer may see is still decided by {@link CaseDesk}.
 */
@Repository
class CaseBoards {

	private static final String CATEGORY = """
			cat.id AS cat_id, cat.community_id AS cat_community_id, cat.service_code AS cat_service_code,
			cat.name_zh AS cat_name_zh, cat.name_en AS cat_name_en, cat.accept_within_minutes AS cat_accept,
			cat.resolve_within_minutes AS cat_resolve, cat.retired_at AS cat_retired_at""";

	private static final String GRID = """
			g.id AS grid_row_id, g.community_id AS grid_community_id, g.code AS grid_code, g.name AS grid_name,
			g.boundary::text AS grid_boundary, g.center_lon AS grid_center_lon, g.center_lat AS grid_center_lat""";

	private static final String REPORTER = """
			r.id AS reporter_row_id, r.phone AS reporter_phone, r.display_name AS reporter_name,
			r.locale AS reporter_locale, r.erased_at IS NOT NULL AS reporter_erased""";

	private static final String LAST_EVENT = """
			e.id AS event_id, e.kind AS event_kind, e.stage AS event_stage, e.actor_id AS event_actor_id,
			e.at AS event_at, e.note AS event_note, e.photo_ids AS event_photo_ids,
			ea.id AS actor_row_id, ea.phone AS actor_phone, ea.display_name AS actor_name, ea.locale AS actor_locale""";

	private static final String PHOTOS = """
			ph.photo_ids, ph.photo_uploaders, ph.photo_uploaded_at, ph.photo_widths, ph.photo_heights""";

	private final JdbcClient jdbc;

	CaseBoards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of a community's board, oldest first: the cases in {@code grids}, plus those outside
	 * every grid and in {@code unstaffed} grids when {@code withoutWorker}; every case when
	 * {@code grids} is null. One statement, however many cases.
	 */
	Board page(BoardFilter filter, Page page) {
		String where = " FROM grid_case c WHERE c.community_id = :community"
				+ (filter.grids() == null ? ""
						: " AND (c.grid_id = ANY(:grids)" + (filter.withoutWorker()
								? " OR c.grid_id IS NULL OR c.grid_id = ANY(:unstaffed))" : ")"))
				+ (filter.stage() == null ? "" : " AND c.stage = :stage")
				+ (filter.overdueOnly() ? " AND " + overdue() : "");
		String sql = "WITH page AS (SELECT c.*" + where + " ORDER BY c.reported_at, c.id LIMIT :limit OFFSET :offset)"
				+ " SELECT (SELECT count(*)" + where + ") AS total, " + CASE_COLUMNS + ", " + CATEGORY + ", " + GRID
				+ ", " + REPORTER + ", " + LAST_EVENT + ", " + PHOTOS + """
				 FROM (SELECT 1) AS one LEFT JOIN page c ON true
				LEFT JOIN case_category cat ON cat.id = c.category_id
				LEFT JOIN grid g ON g.id = c.grid_id
				LEFT JOIN account r ON r.id = c.reporter_id
				LEFT JOIN LATERAL (SELECT * FROM case_event WHERE case_id = c.id ORDER BY id DESC LIMIT 1) e ON true
				LEFT JOIN account ea ON ea.id = e.actor_id
				LEFT JOIN LATERAL (
				    SELECT array_agg(p.id ORDER BY p.attached_at, p.uploaded_at, p.id) AS photo_ids,
				           array_agg(p.uploaded_by ORDER BY p.attached_at, p.uploaded_at, p.id) AS photo_uploaders,
				           array_agg(p.uploaded_at ORDER BY p.attached_at, p.uploaded_at, p.id) AS photo_uploaded_at,
				           array_agg(p.width ORDER BY p.attached_at, p.uploaded_at, p.id) AS photo_widths,
				           array_agg(p.height ORDER BY p.attached_at, p.uploaded_at, p.id) AS photo_heights
				    FROM case_photo p WHERE p.case_id = c.id) ph ON true
				ORDER BY c.reported_at, c.id""";
		var statement = this.jdbc.sql(sql)
			.param("community", filter.communityId())
			.param("now", at(filter.now()))
			.param("limit", page.limit())
			.param("offset", page.offset());
		if (filter.grids() != null) {
			statement.param("grids", longs(filter.grids())).param("unstaffed", longs(filter.unstaffed()));
		}
		if (filter.stage() != null) {
			statement.param("stage", filter.stage().name());
		}
		int[] total = { 0 };
		List<Card> cards = new ArrayList<>();
		statement.query((ResultSet rs) -> {
			total[0] = rs.getInt("total");
			if (rs.getObject("id") != null) {
				cards.add(card(rs));
			}
		});
		List<Card> shown = cards.subList(0, Math.min(cards.size(), page.size()));
		return new Board(Connection.of(cards.stream().map(Card::gridCase).toList(), page, total[0]), List.copyOf(shown));
	}

	private static String overdue() {
		return "((c.stage = 'REPORTED' AND c.accept_due_at < :now) OR (c.stage IN ('ACCEPTED', 'DISPATCHED', "
				+ "'IN_PROGRESS', 'REOPENED') AND c.resolve_due_at < :now))";
	}

	private static Card card(ResultSet rs) throws SQLException {
		Case gridCase = CASE.mapRow(rs, 0);
		CaseCategory category = new CaseCategory(rs.getLong("cat_id"), rs.getLong("cat_community_id"),
				rs.getString("cat_service_code"), rs.getString("cat_name_zh"), rs.getString("cat_name_en"),
				rs.getInt("cat_accept"), rs.getInt("cat_resolve"), instant(rs, "cat_retired_at"));
		Grid grid = nullableLong(rs, "grid_row_id") == null ? null
				: new Grid(rs.getLong("grid_row_id"), rs.getLong("grid_community_id"), rs.getString("grid_code"),
						rs.getString("grid_name"), rs.getString("grid_boundary"), rs.getDouble("grid_center_lon"),
						rs.getDouble("grid_center_lat"));
		Account reporter = new Account(rs.getLong("reporter_row_id"), rs.getString("reporter_phone"),
				rs.getString("reporter_name"), rs.getString("reporter_locale"));
		CaseEvent lastEvent = nullableLong(rs, "event_id") == null ? null
				: new CaseEvent(rs.getLong("event_id"), gridCase.id(), CaseEventKind.valueOf(rs.getString("event_kind")),
						CaseStage.valueOf(rs.getString("event_stage")), nullableLong(rs, "event_actor_id"),
						instant(rs, "event_at"), rs.getString("event_note"), CaseRows.strings(rs.getArray("event_photo_ids")));
		Account actor = nullableLong(rs, "actor_row_id") == null ? null
				: new Account(rs.getLong("actor_row_id"), rs.getString("actor_phone"), rs.getString("actor_name"),
						rs.getString("actor_locale"));
		return new Card(gridCase, category, grid, reporter, rs.getBoolean("reporter_erased"), photos(rs, gridCase.id()),
				lastEvent, actor);
	}

	private static List<CasePhoto> photos(ResultSet rs, long caseId) throws SQLException {
		Object[] ids = elements(rs.getArray("photo_ids"));
		Object[] uploaders = elements(rs.getArray("photo_uploaders"));
		Object[] uploadedAt = elements(rs.getArray("photo_uploaded_at"));
		Object[] widths = elements(rs.getArray("photo_widths"));
		Object[] heights = elements(rs.getArray("photo_heights"));
		List<CasePhoto> photos = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			UUID id = (UUID) ids[i];
			Instant uploaded = ((Timestamp) uploadedAt[i]).toInstant();
			photos.add(new CasePhoto(id, ((Number) uploaders[i]).longValue(), uploaded, caseId,
					((Number) widths[i]).intValue(), ((Number) heights[i]).intValue(), CasePhoto.urlOf(id)));
		}
		return List.copyOf(photos);
	}

	private static Object[] elements(Array array) throws SQLException {
		return array == null ? new Object[0] : (Object[]) array.getArray();
	}

	/** Which cases a board shows. */
	record BoardFilter(long communityId, Collection<Long> grids, boolean withoutWorker, Collection<Long> unstaffed,
			CaseStage stage, boolean overdueOnly, Instant now) {
	}

	/** A page of the board and, for each case on it, what its card shows. */
	record Board(Connection<Case> connection, List<Card> cards) {
	}

	/**
	 * One case on the board with its fields from elsewhere, as read, before any viewer's rules:
	 * the reporter is there even when anonymous or erased.
	 */
	record Card(Case gridCase, CaseCategory category, Grid grid, Account reporter, boolean reporterErased,
			List<CasePhoto> photos, CaseEvent lastEvent, Account lastEventActor) {
	}

}
