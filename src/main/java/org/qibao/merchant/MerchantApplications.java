package org.qibao.merchant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applications for shops: made by any signed-in person, who owns the shop they apply for. */
@Service
class MerchantApplications {

	private final JdbcClient jdbc;

	private final Merchants merchants;

	private final Geography geography;

	private final MerchantArea area;

	MerchantApplications(JdbcClient jdbc, Merchants merchants, Geography geography, MerchantArea area) {
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.geography = geography;
		this.area = area;
	}

	/** Creates the shop {@code PENDING}, owned by the applicant; its name must be free in the community. */
	@Transactional
	Merchant apply(long applicantId, long communityId, ShopDetails details) {
		ShopDetails shop = details.checked();
		Community community = this.geography.communities(List.of(communityId)).get(communityId);
		if (community == null) {
			throw new BusinessRuleException("NOT_FOUND", "communityId");
		}
		this.area.check(community, shop.location());
		// a live shop (any but a rejected one) holds its name: the partial unique index decides races
		Optional<Long> id = this.jdbc.sql("""
				INSERT INTO merchant (community_id, name, category, address, longitude, latitude, status, owner_id,
				                      contact_phone, applied_at)
				VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, now())
				ON CONFLICT (community_id, name) WHERE status <> 'REJECTED' DO NOTHING
				RETURNING id""")
			.params(communityId, shop.name(), shop.category(), shop.address(), shop.location().longitude(),
					shop.location().latitude(), applicantId, shop.contactPhone())
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			throw nameTaken(applicantId, communityId, shop.name());
		}
		return this.merchants.find(id.get()).orElseThrow();
	}

	/** The shops the person applied for, newest first, whatever became of them. */
	List<Merchant> ofApplicant(long accountId) {
		List<Long> ids = this.jdbc.sql("SELECT id FROM merchant WHERE owner_id = ? ORDER BY applied_at DESC, id DESC")
			.param(accountId)
			.query(Long.class)
			.list();
		Map<Long, Merchant> found = this.merchants.findAll(ids);
		return ids.stream().map(found::get).filter(Objects::nonNull).toList();
	}

	/** The applications of those of these shops that applied, by shop. */
	Map<Long, MerchantApplication> findAll(Collection<Long> merchantIds) {
		return this.jdbc.sql("""
				SELECT id, community_id, owner_id, contact_phone, applied_at, decided_at, rejection_reason
				FROM merchant WHERE id = ANY(?) AND owner_id IS NOT NULL""")
			.param(merchantIds.toArray(Long[]::new))
			.query(MerchantApplications::application)
			.list()
			.stream()
			.collect(Collectors.toMap(MerchantApplication::merchantId, Function.identity()));
	}

	/** Who owns the shop; empty for shops that did not apply. */
	Optional<Long> ownerOf(long merchantId) {
		return Optional.ofNullable(findAll(List.of(merchantId)).get(merchantId)).map(MerchantApplication::applicantId);
	}

	private BusinessRuleException nameTaken(long applicantId, long communityId, String name) {
		boolean ownPending = this.jdbc.sql("""
				SELECT count(*) > 0 FROM merchant
				WHERE community_id = ? AND name = ? AND status = 'PENDING' AND owner_id = ?""")
			.params(communityId, name, applicantId)
			.query(Boolean.class)
			.single();
		return ownPending ? new BusinessRuleException("DUPLICATE_APPLICATION", "name")
				: new BusinessRuleException("MERCHANT_NAME_TAKEN", "name");
	}

	private static MerchantApplication application(ResultSet rs, int row) throws SQLException {
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new MerchantApplication(rs.getLong("id"), rs.getLong("community_id"), rs.getLong("owner_id"),
				rs.getString("contact_phone"), rs.getTimestamp("applied_at").toInstant(),
				decidedAt == null ? null : decidedAt.toInstant(), rs.getString("rejection_reason"));
	}

}
