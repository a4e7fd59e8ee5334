package org.qibao.gamification;

import java.sql.Time;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.FieldChanges;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Badge definitions: adding one, changing its texts, rule or standing. A changed rule gets a new
 * version. The audit log keeps each definition and each change, in its transaction.
 */
@Repository
class BadgeCatalog {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	BadgeCatalog(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Names and descriptions, checked: zh-CN name 1–20, en name 1–40, descriptions 1–200 characters. */
	static List<String> texts(String nameZh, String nameEn, String descriptionZh, String descriptionEn) {
		check(nameZh, 20, "nameZhCN");
		check(nameEn, 40, "nameEn");
		check(descriptionZh, 200, "descriptionZhCN");
		check(descriptionEn, 200, "descriptionEn");
		return List.of(nameZh.strip(), nameEn.strip(), descriptionZh.strip(), descriptionEn.strip());
	}

	private static void check(String text, int max, String field) {
		if (!Levels.fits(text, max)) {
			throw new BusinessRuleException("BADGE_TEXT_LENGTH", field, max);
		}
	}

	@Transactional
	Badge create(long communityId, String key, List<String> texts, BadgeRule rule, long administratorId) {
		if (key == null || !key.matches("[a-z0-9-]{1,40}")) {
			throw new BusinessRuleException("BADGE_KEY_INVALID", "key");
		}
		Long id = this.jdbc.sql("""
				INSERT INTO badge (community_id, key, name_zh, name_en, description_zh, description_en, metric, threshold,
				                   time_window, before_time, weekday)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")
			.params(communityId, key, texts.get(0), texts.get(1), texts.get(2), texts.get(3), rule.metric().name(),
					rule.threshold(), rule.window().name(), time(rule), weekday(rule))
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new BusinessRuleException("BADGE_KEY_TAKEN", "key"));
		Badge badge = find(id);
		Map<String, Object> after = new LinkedHashMap<>(Map.of("key", badge.key()));
		after.putAll(shown(badge));
		audit(administratorId, "gamification.badgeCreate", badge, new FieldChanges(Map.of(), after));
		return badge;
	}

	@Transactional
	Badge update(Badge badge, String nameZh, String nameEn, String descriptionZh, String descriptionEn, BadgeRule rule,
			Boolean active, long administratorId) {
		List<String> texts = texts(nameZh != null ? nameZh : badge.name().zhCN(), nameEn != null ? nameEn : badge.name().en(),
				descriptionZh != null ? descriptionZh : badge.description().zhCN(),
				descriptionEn != null ? descriptionEn : badge.description().en());
		BadgeRule next = rule != null ? rule : badge.rule();
		boolean changed = rule != null && !rule.equals(badge.rule());
		this.jdbc.sql("""
				UPDATE badge SET name_zh = ?, name_en = ?, description_zh = ?, description_en = ?, metric = ?, threshold = ?,
				                 time_window = ?, before_time = ?, weekday = ?, active = ?,
				                 rule_version = rule_version + ?
				WHERE id = ?""")
			.params(texts.get(0), texts.get(1), texts.get(2), texts.get(3), next.metric().name(), next.threshold(),
					next.window().name(), time(next), weekday(next), active != null ? active : badge.active(), changed ? 1 : 0,
					badge.id())
			.update();
		Badge updated = find(badge.id());
		audit(administratorId, "gamification.badgeUpdate", updated, FieldChanges.between(shown(badge), shown(updated)));
		return updated;
	}

	/** What an administrator sets of a badge, as the audit log shows it. */
	private static Map<String, Object> shown(Badge badge) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("nameZh", badge.name().zhCN());
		fields.put("nameEn", badge.name().en());
		fields.put("descriptionZh", badge.description().zhCN());
		fields.put("descriptionEn", badge.description().en());
		BadgeRule rule = badge.rule();
		fields.put("rule", rule.metric() + " ≥ " + rule.threshold() + " / " + rule.window()
				+ (rule.beforeTime() == null ? "" : " before " + rule.beforeTime())
				+ (rule.weekday() == null ? "" : " on " + rule.weekday()));
		fields.put("active", badge.active());
		return fields;
	}

	private void audit(long administratorId, String action, Badge badge, FieldChanges changes) {
		this.events.publishEvent(new AdministrativeAction(administratorId, badge.communityId(), action, "Badge",
				badge.id(), changes.before(), changes.after()));
	}

	private Badge find(long id) {
		return this.jdbc.sql("SELECT " + Badge.COLUMNS + " FROM badge WHERE id = ?").param(id).query(Badge::of).single();
	}

	private static Time time(BadgeRule rule) {
		return rule.beforeTime() == null ? null : Time.valueOf(rule.beforeTime());
	}

	private static Integer weekday(BadgeRule rule) {
		return rule.weekday() == null ? null : rule.weekday().getValue();
	}

}
