package org.qibao.gamification;

import java.util.List;
import java.util.Map;

import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.FieldChanges;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** A community's ladder of levels, set by its administrators; the standard ladder until then. */
@Repository
class Levels {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Levels(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	record Level(int number, LocalizedText name, int threshold) {
	}

	List<Level> ladder(long communityId) {
		List<Level> own = read(communityId);
		return own.isEmpty() ? read(null) : own;
	}

	private List<Level> read(Long communityId) {
		return this.jdbc.sql("SELECT number, threshold, name_zh, name_en FROM gamification_level "
				+ "WHERE community_id IS NOT DISTINCT FROM ? ORDER BY number")
			.param(communityId)
			.query((rs, n) -> new Level(rs.getInt(1), new LocalizedText(rs.getString(3), rs.getString(4)), rs.getInt(2)))
			.list();
	}

	/** The level the points reach: the highest whose threshold they meet. */
	static Level reached(List<Level> ladder, int points) {
		Level reached = ladder.get(0);
		for (Level level : ladder) {
			if (points >= level.threshold()) {
				reached = level;
			}
		}
		return reached;
	}

	static Level next(List<Level> ladder, Level current) {
		return ladder.stream().filter(l -> l.number() == current.number() + 1).findFirst().orElse(null);
	}

	/** Replaces the ladder; the first level starts at 0 and thresholds rise strictly. The audit log keeps the change. */
	@Transactional
	List<Level> replace(long communityId, List<Level> levels, long administratorId) {
		for (int i = 0; i < levels.size(); i++) {
			Level level = levels.get(i);
			if (i == 0 ? level.threshold() != 0 : level.threshold() <= levels.get(i - 1).threshold()) {
				throw new BusinessRuleException("LEVEL_THRESHOLDS_NOT_RISING", "levels");
			}
			if (!fits(level.name().zhCN(), 20) || !fits(level.name().en(), 40)) {
				throw new BusinessRuleException("LEVEL_NAME_LENGTH", "levels");
			}
		}
		if (levels.isEmpty()) {
			throw new BusinessRuleException("LEVEL_THRESHOLDS_NOT_RISING", "levels");
		}
		// Two administrators saving at once would both delete and then collide on the level numbers.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('gamification_level'), ?)")
			.param((int) (communityId % Integer.MAX_VALUE))
			.query()
			.listOfRows();
		List<Level> before = ladder(communityId);
		this.jdbc.sql("DELETE FROM gamification_level WHERE community_id = ?").param(communityId).update();
		for (int i = 0; i < levels.size(); i++) {
			Level level = levels.get(i);
			this.jdbc.sql("INSERT INTO gamification_level (community_id, number, threshold, name_zh, name_en) VALUES (?, ?, ?, ?, ?)")
				.params(communityId, i + 1, level.threshold(), level.name().zhCN().strip(), level.name().en().strip())
				.update();
		}
		List<Level> after = ladder(communityId);
		FieldChanges changes = FieldChanges.between(shown(before), shown(after));
		this.events.publishEvent(new AdministrativeAction(administratorId, communityId, "gamification.levelsSet",
				"Community", communityId, changes.before(), changes.after()));
		return after;
	}

	/** A ladder as the audit log shows it. */
	private static Map<String, Object> shown(List<Level> ladder) {
		return Map.of("levels", ladder.stream()
			.map(l -> Map.of("threshold", l.threshold(), "nameZh", l.name().zhCN(), "nameEn", l.name().en()))
			.toList());
	}

	static boolean fits(String text, int max) {
		return text != null && !text.isBlank() && text.strip().length() <= max;
	}

}
