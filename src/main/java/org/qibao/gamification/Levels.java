package org.qibao.gamification;

import java.util.List;

import org.qibao.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** A community's ladder of levels, set by its administrators; the standard ladder until then. */
@Repository
class Levels {

	private final JdbcClient jdbc;

	Levels(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/** Replaces the ladder; the first level starts at 0 and thresholds rise strictly. */
	@Transactional
	List<Level> replace(long communityId, List<Level> levels) {
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
		this.jdbc.sql("DELETE FROM gamification_level WHERE community_id = ?").param(communityId).update();
		for (int i = 0; i < levels.size(); i++) {
			Level level = levels.get(i);
			this.jdbc.sql("INSERT INTO gamification_level (community_id, number, threshold, name_zh, name_en) VALUES (?, ?, ?, ?, ?)")
				.params(communityId, i + 1, level.threshold(), level.name().zhCN().strip(), level.name().en().strip())
				.update();
		}
		return ladder(communityId);
	}

	static boolean fits(String text, int max) {
		return text != null && !text.isBlank() && text.strip().length() <= max;
	}

}
