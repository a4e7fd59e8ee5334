package org.qibao.casework;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.geo.Geography;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.FieldChanges;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.casework.CaseRows.CATEGORY;
import static org.qibao.casework.CaseRows.longs;

/**
 * A community's case categories: copied from the city's eight defaults the first time casework
 * serves the community, then kept by its administrator. A category is retired rather than deleted,
 * so old cases keep theirs. Every change goes to the audit log in its own transaction.
 */
@Service
class CaseCategories {

	private static final String COLUMNS = """
			id, community_id, service_code, name_zh, name_en, accept_within_minutes, resolve_within_minutes, retired_at""";

	private final JdbcClient jdbc;

	private final Geography geography;

	private final ApplicationEventPublisher events;

	CaseCategories(JdbcClient jdbc, Geography geography, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.geography = geography;
		this.events = events;
	}

	/** The community's categories in their order, seeded with the defaults when it has none yet. */
	@Transactional
	List<CaseCategory> of(long communityId, boolean includeRetired) {
		seed(communityId);
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM case_category WHERE community_id = ?"
				+ (includeRetired ? "" : " AND retired_at IS NULL") + " ORDER BY position, id")
			.param(communityId)
			.query(CATEGORY)
			.list();
	}

	Map<Long, CaseCategory> findAll(Collection<Long> ids) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM case_category WHERE id = ANY(?)")
			.param(longs(ids))
			.query(CATEGORY)
			.list()
			.stream()
			.collect(Collectors.toMap(CaseCategory::id, Function.identity()));
	}

	Optional<CaseCategory> find(long id) {
		return Optional.ofNullable(findAll(List.of(id)).get(id));
	}

	@Transactional
	CaseCategory create(long communityId, CategoryTerms terms, String serviceCode, long administratorId) {
		CategoryTerms checked = terms.checked();
		if (serviceCode == null || !serviceCode.matches("[a-z0-9-]{1,40}")) {
			throw new BusinessRuleException("INVALID_SERVICE_CODE", "serviceCode");
		}
		seed(communityId);
		Optional<Long> id = this.jdbc.sql("""
				INSERT INTO case_category (community_id, service_code, name_zh, name_en, accept_within_minutes,
				                           resolve_within_minutes, position)
				VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM case_category WHERE community_id = ?))
				ON CONFLICT (community_id, service_code) DO NOTHING RETURNING id""")
			.params(communityId, serviceCode, checked.nameZh(), checked.nameEn(), checked.acceptWithinMinutes(),
					checked.resolveWithinMinutes(), communityId)
			.query(Long.class)
			.optional();
		CaseCategory created = find(id.orElseThrow(() -> new BusinessRuleException("SERVICE_CODE_TAKEN", "serviceCode")))
			.orElseThrow();
		Map<String, Object> after = new java.util.LinkedHashMap<>(Map.of("serviceCode", created.serviceCode()));
		after.putAll(fields(created));
		audit(administratorId, "casework.caseCategoryCreate", created, new FieldChanges(Map.of(), after));
		return created;
	}

	/** New names and deadlines; cases already reported keep the deadlines they were given. */
	@Transactional
	CaseCategory update(long categoryId, CategoryTerms terms, long administratorId) {
		CategoryTerms checked = terms.checked();
		CaseCategory before = find(categoryId).orElseThrow();
		this.jdbc.sql("""
				UPDATE case_category SET name_zh = ?, name_en = ?, accept_within_minutes = ?, resolve_within_minutes = ?
				WHERE id = ?""")
			.params(checked.nameZh(), checked.nameEn(), checked.acceptWithinMinutes(), checked.resolveWithinMinutes(),
					categoryId)
			.update();
		CaseCategory after = find(categoryId).orElseThrow();
		audit(administratorId, "casework.caseCategoryUpdate", after, FieldChanges.between(fields(before), fields(after)));
		return after;
	}

	@Transactional
	CaseCategory retire(long categoryId, long administratorId) {
		int retired = this.jdbc.sql("UPDATE case_category SET retired_at = now() WHERE id = ? AND retired_at IS NULL")
			.param(categoryId)
			.update();
		CaseCategory category = find(categoryId).orElseThrow();
		if (retired == 1) {
			audit(administratorId, "casework.caseCategoryRetire", category,
					new FieldChanges(Map.of("retired", false), Map.of("retired", true)));
		}
		return category;
	}

	/** What an administrator edits of a category, as the audit log shows it. */
	private static Map<String, Object> fields(CaseCategory category) {
		return Map.of("nameZh", category.nameZh(), "nameEn", category.nameEn(), "acceptWithinMinutes",
				category.acceptWithinMinutes(), "resolveWithinMinutes", category.resolveWithinMinutes());
	}

	private void audit(long administratorId, String action, CaseCategory category, FieldChanges changes) {
		this.events.publishEvent(new AdministrativeAction(administratorId, category.communityId(), action,
				"CaseCategory", category.id(), changes.before(), changes.after()));
	}

	private void seed(long communityId) {
		if (this.geography.communities(List.of(communityId)).isEmpty()) {
			throw new BusinessRuleException("NOT_FOUND", "communityId");
		}
		// two first requests at once: the unique key lets one copy in and the other find it done
		this.jdbc.sql("""
				INSERT INTO case_category (community_id, service_code, name_zh, name_en, accept_within_minutes,
				                           resolve_within_minutes, position)
				SELECT ?, service_code, name_zh, name_en, accept_within_minutes, resolve_within_minutes, position
				FROM case_category_template
				WHERE NOT EXISTS (SELECT 1 FROM case_category WHERE community_id = ?)
				ON CONFLICT (community_id, service_code) DO NOTHING""")
			.params(communityId, communityId)
			.update();
	}

	/** A category's names and deadlines as an administrator typed them. */
	record CategoryTerms(String nameZh, String nameEn, int acceptWithinMinutes, int resolveWithinMinutes) {

		CategoryTerms checked() {
			String zh = this.nameZh == null ? "" : this.nameZh.strip();
			String en = this.nameEn == null ? "" : this.nameEn.strip();
			if (zh.isEmpty() || zh.length() > 40) {
				throw new BusinessRuleException("INVALID_NAME", "nameZh", 40);
			}
			if (en.isEmpty() || en.length() > 60) {
				throw new BusinessRuleException("INVALID_NAME", "nameEn", 60);
			}
			if (this.acceptWithinMinutes < 5 || this.acceptWithinMinutes > 43_200) {
				throw new BusinessRuleException("INVALID_DEADLINE", "acceptWithinMinutes", 5, 43_200);
			}
			if (this.resolveWithinMinutes < 5 || this.resolveWithinMinutes > 525_600) {
				throw new BusinessRuleException("INVALID_DEADLINE", "resolveWithinMinutes", 5, 525_600);
			}
			return new CategoryTerms(zh, en, this.acceptWithinMinutes, this.resolveWithinMinutes);
		}

	}

}
