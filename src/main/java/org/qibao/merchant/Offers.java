package org.qibao.merchant;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.qibao.shared.BusinessRuleException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Merchants' offers: written by the merchant's staff, read by volunteers. */
@Service
public class Offers {

	/**
	 * A unit is taken once redeemed, or while a live code reserves it. The count reads every code
	 * the offer ever had, so it is made only for an offer with a stock (CASE evaluates it lazily).
	 */
	private static final String COLUMNS = """
			o.id, o.merchant_id, o.title, o.description, o.discount, o.price_minutes, o.valid_from, o.valid_until,
			       o.daily_limit, o.monthly_limit, o.stock, o.status,
			       CASE WHEN o.stock IS NOT NULL THEN
			         (o.stock - (SELECT count(*) FROM redemption r WHERE r.offer_id = o.id
			                     AND (r.status = 'REDEEMED' OR (r.status = 'ISSUED' AND r.expires_at > now()))))::int
			       END AS stock_left""";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM merchant_offer o";

	/**
	 * Approved shops of the communities inside the box (answered by the index on latitude and
	 * longitude), then the great-circle (haversine) distance for those alone; the offers that
	 * volunteers can redeem now, of the shops within the radius, nearest first.
	 */
	private static final String NEAR = """
			WITH boxed AS (
			  SELECT m.id, 2 * :earthRadius * asin(least(1, sqrt(
			           power(sin(radians(m.latitude - :latitude) / 2), 2)
			           + cos(radians(:latitude)) * cos(radians(m.latitude)) * power(sin(radians(m.longitude - :longitude) / 2), 2)
			         ))) AS distance
			  FROM merchant m
			  WHERE m.latitude BETWEEN :minLatitude AND :maxLatitude AND m.longitude BETWEEN :minLongitude AND :maxLongitude
			    AND m.status = 'APPROVED' AND m.community_id = ANY(:communities)
			)
			SELECT b.distance, %s
			FROM merchant_offer o JOIN boxed b ON b.id = o.merchant_id
			WHERE b.distance <= :radius AND o.status = 'ACTIVE' AND o.valid_from <= now() AND o.valid_until > now()
			ORDER BY b.distance, o.price_minutes, o.id
			LIMIT :limit""".formatted(COLUMNS);

	private final JdbcClient jdbc;

	Offers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Offer create(long merchantId, OfferTerms terms) {
		OfferTerms checked = terms.checked();
		long id = this.jdbc.sql("""
				INSERT INTO merchant_offer (merchant_id, title, description, discount, price_minutes, valid_from, valid_until,
				                            daily_limit, monthly_limit, stock)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(merchantId, checked.title(), checked.description(), checked.discount(), checked.priceMinutes(),
					Timestamp.from(checked.validFrom()), Timestamp.from(checked.validUntil()), checked.dailyLimit(),
					checked.monthlyLimit(), checked.stock())
			.query(Long.class)
			.single();
		return find(id).orElseThrow();
	}

	@Transactional
	Offer update(long offerId, OfferTerms terms) {
		OfferTerms checked = terms.checked();
		int updated = this.jdbc.sql("""
				UPDATE merchant_offer SET title = ?, description = ?, discount = ?, price_minutes = ?, valid_from = ?,
				       valid_until = ?, daily_limit = ?, monthly_limit = ?, stock = ?, updated_at = now()
				WHERE id = ? AND status <> 'ENDED'""")
			.params(checked.title(), checked.description(), checked.discount(), checked.priceMinutes(),
					Timestamp.from(checked.validFrom()), Timestamp.from(checked.validUntil()), checked.dailyLimit(),
					checked.monthlyLimit(), checked.stock(), offerId)
			.update();
		if (updated == 0) {
			throw new BusinessRuleException("OFFER_ENDED", "offerId");
		}
		return find(offerId).orElseThrow();
	}

	/** Pauses, resumes or ends an offer; an ended offer stays ended. */
	@Transactional
	Offer setStatus(long offerId, OfferStatus status) {
		int updated = this.jdbc.sql("""
				UPDATE merchant_offer SET status = ?, updated_at = now() WHERE id = ? AND status <> 'ENDED'""")
			.params(status.name(), offerId)
			.update();
		if (updated == 0) {
			throw new BusinessRuleException("OFFER_ENDED", "offerId");
		}
		return find(offerId).orElseThrow();
	}

	public Optional<Offer> find(long offerId) {
		return this.jdbc.sql(SELECT + " WHERE o.id = ?").param(offerId).query(Offers::offer).optional();
	}

	public java.util.Map<Long, Offer> findAll(Collection<Long> ids) {
		return this.jdbc.sql(SELECT + " WHERE o.id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(Offers::offer)
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Offer::id, java.util.function.Function.identity()));
	}

	/**
	 * Locks the offer, so that its last unit and each volunteer's limits are decided one request
	 * at a time. The offer is read again after the lock is granted: a statement that waited for a
	 * lock still sees the units taken as of its own start, so its count could be stale.
	 */
	Optional<Offer> lock(long offerId) {
		boolean exists = this.jdbc.sql("SELECT id FROM merchant_offer WHERE id = ? FOR UPDATE")
			.param(offerId)
			.query(Long.class)
			.optional()
			.isPresent();
		return exists ? find(offerId) : Optional.empty();
	}

	/** Every offer of the merchants that has not ended, newest first: what their staff manage. */
	List<Offer> ofMerchants(Collection<Long> merchantIds) {
		return this.jdbc.sql(SELECT + " WHERE o.merchant_id = ANY(?) AND o.status <> 'ENDED' ORDER BY o.id DESC")
			.param(merchantIds.toArray(Long[]::new))
			.query(Offers::offer)
			.list();
	}

	/** The offers volunteers can redeem now at the approved merchants of the communities. */
	List<Offer> currentIn(Collection<Long> communityIds) {
		return this.jdbc.sql(SELECT + """
				 JOIN merchant m ON m.id = o.merchant_id
				WHERE m.community_id = ANY(?) AND m.status = 'APPROVED' AND o.status = 'ACTIVE'
				  AND o.valid_from <= now() AND o.valid_until > now()
				ORDER BY m.name, o.price_minutes, o.id""")
			.param(communityIds.toArray(Long[]::new))
			.query(Offers::offer)
			.list();
	}

	/** The offers volunteers can redeem now at the approved shops of the communities within the area, nearest first. */
	List<NearbyOffer> currentNear(Collection<Long> communityIds, OfferSearchArea area, int limit) {
		if (communityIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(NEAR)
			.param("earthRadius", OfferSearchArea.EARTH_RADIUS_METRES)
			.param("latitude", area.centre().latitude())
			.param("longitude", area.centre().longitude())
			.param("minLatitude", area.minLatitude())
			.param("maxLatitude", area.maxLatitude())
			.param("minLongitude", area.minLongitude())
			.param("maxLongitude", area.maxLongitude())
			.param("communities", communityIds.toArray(Long[]::new))
			.param("radius", (double) area.radiusMetres())
			.param("limit", limit)
			.query((rs, row) -> new NearbyOffer(offer(rs, row), (int) Math.round(rs.getDouble("distance"))))
			.list();
	}

	private static Offer offer(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Offer(rs.getLong("id"), rs.getLong("merchant_id"), rs.getString("title"), rs.getString("description"),
				rs.getString("discount"), rs.getInt("price_minutes"), rs.getTimestamp("valid_from").toInstant(),
				rs.getTimestamp("valid_until").toInstant(), rs.getObject("daily_limit", Integer.class),
				rs.getObject("monthly_limit", Integer.class), rs.getObject("stock", Integer.class),
				rs.getObject("stock_left", Integer.class), OfferStatus.valueOf(rs.getString("status")));
	}

	public boolean any() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM merchant_offer)").query(Boolean.class).single();
	}

}
