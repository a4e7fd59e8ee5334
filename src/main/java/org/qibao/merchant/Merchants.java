package org.qibao.merchant;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The merchant module's API. */
@Service
public class Merchants {

	private static final String COLUMNS = "id, community_id, name, category, address, longitude, latitude, status";

	private final JdbcClient jdbc;

	Merchants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Merchant create(long communityId, String name, String category, String address, GeoPoint location) {
		return this.jdbc.sql("""
				INSERT INTO merchant (community_id, name, category, address, longitude, latitude)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING """ + " " + COLUMNS)
			.params(communityId, name, category, address, location.longitude(), location.latitude())
			.query(Merchants::merchant)
			.single();
	}

	public Map<Long, Merchant> findAll(Collection<Long> ids) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM merchant WHERE id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(Merchants::merchant)
			.list()
			.stream()
			.collect(Collectors.toMap(Merchant::id, Function.identity()));
	}

	public java.util.Optional<Merchant> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM merchant WHERE id = ?").param(id).query(Merchants::merchant).optional();
	}

	List<Merchant> ofCommunities(Collection<Long> communityIds) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM merchant WHERE community_id = ANY(?) ORDER BY name")
			.param(communityIds.toArray(Long[]::new))
			.query(Merchants::merchant)
			.list();
	}

	private static Merchant merchant(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Merchant(rs.getLong("id"), rs.getLong("community_id"), rs.getString("name"), rs.getString("category"),
				rs.getString("address"), rs.getDouble("longitude"), rs.getDouble("latitude"),
				MerchantStatus.valueOf(rs.getString("status")));
	}

}
