package org.qibao.gamification;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each community lies, kept in gamification's own table the first time the module hears of
 * it; that first time also gives the community the standard levels and badges to start from.
 * Places are cached in memory: a community does not move to another street.
 */
@Component
class CommunityPlaces {

	private final JdbcClient jdbc;

	private final Geography geography;

	private final Map<Long, CommunityPlace> cache = new ConcurrentHashMap<>();

	private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

	CommunityPlaces(JdbcClient jdbc, Geography geography) {
		this.jdbc = jdbc;
		this.geography = geography;
	}

	/** The community's place; empty when geography does not know it. */
	@Transactional
	Optional<CommunityPlace> of(long communityId) {
		CommunityPlace cached = this.cache.get(communityId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<CommunityPlace> place = stored(communityId).or(() -> learn(communityId));
		place.ifPresent(p -> this.cache.put(communityId, p));
		return place;
	}

	/** The time zone of a street's or city's boards: that of its first community known here. */
	Optional<ZoneId> zoneOf(String column, long placeId) {
		ZoneId cached = this.zones.get(column + ":" + placeId);
		if (cached != null) {
			return Optional.of(cached);
		}
		String sql = "SELECT time_zone FROM gamification_community WHERE " + column(column) + " = ? ORDER BY community_id LIMIT 1";
		Optional<ZoneId> zone = this.jdbc.sql(sql).param(placeId).query(String.class).optional().map(ZoneId::of);
		zone.ifPresent(z -> this.zones.put(column + ":" + placeId, z));
		return zone;
	}

	private static String column(String column) {
		return switch (column) {
			case "community_id", "street_id", "city_id" -> column;
			default -> throw new IllegalArgumentException(column);
		};
	}

	private Optional<CommunityPlace> stored(long communityId) {
		return this.jdbc.sql("SELECT community_id, street_id, city_id, time_zone FROM gamification_community WHERE community_id = ?")
			.param(communityId)
			.query((rs, n) -> new CommunityPlace(rs.getLong(1), rs.getLong(2), rs.getLong(3), ZoneId.of(rs.getString(4))))
			.optional();
	}

	private Optional<CommunityPlace> learn(long communityId) {
		Community community = this.geography.communities(List.of(communityId)).get(communityId);
		if (community == null) {
			return Optional.empty();
		}
		Long city = this.geography.citiesOfStreets(List.of(community.streetId())).get(community.streetId());
		int added = this.jdbc.sql("""
				INSERT INTO gamification_community (community_id, street_id, city_id, time_zone) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(communityId, community.streetId(), city, community.zone().getId())
			.update();
		if (added == 1) {
			startWithTheStandardSet(communityId);
		}
		return stored(communityId);
	}

	/** A community starts with the standard ladder and badges; its past is empty, so nothing to backfill. */
	private void startWithTheStandardSet(long communityId) {
		this.jdbc.sql("""
				INSERT INTO gamification_level (community_id, number, threshold, name_zh, name_en)
				SELECT ?, number, threshold, name_zh, name_en FROM gamification_level WHERE community_id IS NULL""")
			.param(communityId)
			.update();
		this.jdbc.sql("""
				INSERT INTO badge (community_id, key, name_zh, name_en, description_zh, description_en, metric, threshold,
				                   time_window, before_time, weekday, backfilled_version)
				SELECT ?, key, name_zh, name_en, description_zh, description_en, metric, threshold, time_window, before_time,
				       weekday, rule_version
				FROM badge WHERE community_id IS NULL""")
			.param(communityId)
			.update();
	}

}
