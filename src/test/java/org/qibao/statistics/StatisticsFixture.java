package org.qibao.statistics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.qibao.Clients;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.merchant.Merchant;
import org.qibao.merchant.Merchants;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A community of its own (Asia/Shanghai, two grids far from the demo's) with a known month of
 * patrol, ledger and redemptions in March 2026, several of them just either side of a week's or
 * the month's boundary in the community's time zone (UTC+8). People, teams, grids and merchants
 * come through the modules' APIs; the dated rows (shifts, attendance, transfers, redemptions)
 * are written with the times the test needs, since the application takes them from the clock.
 * The expected figures are written out in {@link StatisticsTests}.
 */
public final class StatisticsFixture {

	public static final String PASSWORD = "statistics-1";

	/** Inside grid G1, where the barber is. */
	static final GeoPoint IN_G1 = new GeoPoint(100.005, 30.005);

	/** Inside grid G2, where the grocer is. */
	static final GeoPoint IN_G2 = new GeoPoint(100.015, 30.005);

	/** A name that a spreadsheet would take for a formula. */
	public static final String FORMULA_NAME = "=HYPERLINK(\"x\")理发";

	public final long community;

	public final Grid g1;

	public final Grid g2;

	public final Team walkers;

	public final Team lanterns;

	public final String administratorPhone;

	public final String volunteerPhone;

	public final Merchant barber;

	public final Merchant grocer;

	private final JdbcClient jdbc;

	private final long a;

	private final long b;

	private final long c;

	public StatisticsFixture(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		Geography geography = context.getBean(Geography.class);
		Accounts accounts = context.getBean(Accounts.class);
		long suffix = System.nanoTime() % 1_000_000_000L;
		long street = geography.createStreet(geography.createDistrict(geography.createCity("统计市" + suffix), "统计区"), "统计街道");
		this.community = geography.createCommunity(street, "统计社区" + suffix, "Asia/Shanghai");
		this.g1 = geography.createGrid(this.community, "G1", "一网格", square(100.00));
		this.g2 = geography.createGrid(this.community, "G2", "二网格", square(100.01));
		Teams teams = context.getBean(Teams.class);
		this.walkers = teams.create(this.community, "步行队", List.of(this.g1.id()));
		this.lanterns = teams.create(this.community, "灯笼队", List.of(this.g2.id()));
		this.administratorPhone = Clients.uniquePhone();
		accounts.grant(accounts.register(this.administratorPhone, "统计书记", PASSWORD, "zh-CN").id(), Role.ADMINISTRATOR,
				this.community);
		this.volunteerPhone = Clients.uniquePhone();
		this.a = volunteer(accounts, this.volunteerPhone, "甲");
		this.b = volunteer(accounts, Clients.uniquePhone(), "乙");
		this.c = volunteer(accounts, Clients.uniquePhone(), "丙");
		Merchants merchants = context.getBean(Merchants.class);
		this.barber = merchants.create(this.community, FORMULA_NAME, "BARBER", "一号", IN_G1);
		this.grocer = merchants.create(this.community, "二号便利店", "GROCERY", "二号", IN_G2);
		patrol();
		context.getBean(TransactionTemplate.class).executeWithoutResult(status -> ledger());
		redemptions();
	}

	public String communityId() {
		return GlobalId.encode("Community", this.community);
	}

	private long volunteer(Accounts accounts, String phone, String name) {
		long id = accounts.register(phone, name, PASSWORD, "zh-CN").id();
		accounts.grant(id, Role.VOLUNTEER, this.community);
		return id;
	}

	private static String square(double west) {
		double east = west + 0.01;
		return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,30.0],[%s,30.0],[%s,30.01],[%s,30.01],[%s,30.0]]]}"
			.formatted(west, east, east, west, west);
	}

	/**
	 * S4 starts Sunday 1 March 00:30 local (still February in UTC); S1 Sunday 8 March 23:30 local;
	 * S2 Monday 9 March 00:30 local (still Sunday in UTC); S3 Tuesday 10 March; S5 1 April 00:30
	 * local (still March in UTC).
	 */
	private void patrol() {
		long s4 = shift(this.lanterns, this.g2, "2026-02-28T16:30:00Z", 1);
		signUp(s4, this.a, "CONFIRMED");
		attend(s4, this.a, "VERIFIED", 20);
		long s1 = shift(this.walkers, this.g1, "2026-03-08T15:30:00Z", 2);
		signUp(s1, this.a, "CONFIRMED");
		attend(s1, this.a, "VERIFIED", 90);
		long s2 = shift(this.walkers, this.g1, "2026-03-08T16:30:00Z", 1);
		signUp(s2, this.a, "CONFIRMED");
		signUp(s2, this.b, "CONFIRMED");
		attend(s2, this.a, "VERIFIED", 60);
		attend(s2, this.b, "APPROVED", 30);
		attend(s2, this.c, "IN_REVIEW", null);
		long s3 = shift(this.lanterns, this.g2, "2026-03-10T01:00:00Z", 3);
		signUp(s3, this.b, "CONFIRMED");
		signUp(s3, this.c, "CANCELLED");
		attend(s3, this.b, "VERIFIED", 45);
		noShow(s3, this.c, false);
		noShow(s3, this.a, true);
		long s5 = shift(this.walkers, this.g1, "2026-03-31T16:30:00Z", 5);
		attend(s5, this.a, "VERIFIED", 1000);
	}

	private long shift(Team team, Grid grid, String start, int min) {
		Instant starts = Instant.parse(start);
		long id = this.jdbc.sql("""
				INSERT INTO shift (team_id, starts_at, ends_at, min_patrollers, max_patrollers, closed)
				VALUES (?, ?, ?, ?, 7, true) RETURNING id""")
			.params(team.id(), utc(starts), utc(starts.plusSeconds(7200)), min)
			.query(Long.class).single();
		this.jdbc.sql("INSERT INTO shift_grid (shift_id, grid_id) VALUES (?, ?)").params(id, grid.id()).update();
		return id;
	}

	private void signUp(long shift, long account, String status) {
		this.jdbc.sql("INSERT INTO shift_signup (shift_id, account_id, status, cancelled_at) VALUES (?, ?, ?, ?)")
			.params(shift, account, status, status.equals("CANCELLED") ? utc(Instant.parse("2026-03-01T00:00:00Z")) : null)
			.update();
	}

	private void attend(long shift, long account, String status, Integer verifiedMinutes) {
		long checkIn = this.jdbc.sql("""
				INSERT INTO check_in (shift_id, account_id, checked_in_at, in_longitude, in_latitude, in_accuracy,
				                      checked_out_at, closed_how)
				SELECT id, ?, starts_at, 100.005, 30.005, 5, ends_at, 'SELF' FROM shift WHERE id = ? RETURNING id""")
			.params(account, shift).query(Long.class).single();
		boolean decided = !status.equals("IN_REVIEW");
		this.jdbc.sql("""
				INSERT INTO attendance (check_in_id, status, checked_in_minutes, covered_minutes, review_reason,
				                        verified_minutes, decided_at)
				VALUES (?, ?, 120, 120, ?, ?, ?)""")
			.params(checkIn, status, decided ? null : "LOW_COVERAGE", verifiedMinutes,
					decided ? utc(Instant.parse("2026-04-02T00:00:00Z")) : null)
			.update();
	}

	private void noShow(long shift, long account, boolean cleared) {
		this.jdbc.sql("INSERT INTO no_show (shift_id, account_id, cleared_at, clear_reason) VALUES (?, ?, ?, ?)")
			.params(shift, account, cleared ? utc(Instant.parse("2026-03-11T00:00:00Z")) : null, cleared ? "病假" : null)
			.update();
	}

	/**
	 * Earned: 120 Sunday 8 March 23:59 local, 60 Monday 9 March 00:01 local. School: 30 on 10 March,
	 * refunded on 17 March. Merchants: 25 on 20 March. Gifts: 10 on 31 March 23:00 local; 5 on 1
	 * April 00:00 local (still March in UTC). In one transaction: the ledger checks each transfer's
	 * balance when it commits.
	 */
	private void ledger() {
		long issuing = account("ISSUING", this.community);
		long passbookA = account("PASSBOOK", this.a);
		long passbookB = account("PASSBOOK", this.b);
		long school = account("SCHOOL", this.community);
		long merchant = account("MERCHANT", this.barber.id());
		transfer("PATROL_EARNING", issuing, passbookA, 120, "2026-03-08T15:59:00Z", null);
		transfer("PATROL_EARNING", issuing, passbookB, 60, "2026-03-08T16:01:00Z", null);
		long enrolment = transfer("SCHOOL_ENROLMENT", passbookA, school, 30, "2026-03-10T02:00:00Z", null);
		transfer("REVERSAL", school, passbookA, 30, "2026-03-17T02:00:00Z", enrolment);
		transfer("MERCHANT_REDEMPTION", passbookA, merchant, 25, "2026-03-20T02:00:00Z", null);
		transfer("GIFT", passbookA, passbookB, 10, "2026-03-31T15:00:00Z", null);
		transfer("GIFT", passbookB, passbookA, 5, "2026-03-31T16:00:00Z", null);
	}

	private long account(String kind, long owner) {
		return this.jdbc.sql("INSERT INTO ledger_account (kind, community_id, owner_id) VALUES (?, ?, ?) RETURNING id")
			.params(kind, this.community, owner).query(Long.class).single();
	}

	private long transfer(String kind, long from, long to, long minutes, String at, Long reversalOf) {
		OffsetDateTime when = utc(Instant.parse(at));
		long id = this.jdbc.sql("""
				INSERT INTO ledger_transfer (kind, from_account_id, to_account_id, minutes, reference, idempotency_key,
				                             content_hash, reversal_of, created_at)
				VALUES (?, ?, ?, ?, 'statistics', ?, 'x', ?, ?) RETURNING id""")
			.params(kind, from, to, minutes, UUID.randomUUID().toString(), reversalOf, when)
			.query(Long.class).single();
		this.jdbc.sql("INSERT INTO ledger_entry (transfer_id, account_id, minutes, balance_after, created_at) VALUES (?, ?, ?, 0, ?)")
			.params(id, from, -minutes, when).update();
		this.jdbc.sql("INSERT INTO ledger_entry (transfer_id, account_id, minutes, balance_after, created_at) VALUES (?, ?, ?, 0, ?)")
			.params(id, to, minutes, when).update();
		return id;
	}

	/** The barber: 25 and 15 minutes confirmed in March (the second at 23:30 on the 31st local), 40 on 1 April local; the grocer 12, and a cancelled code. */
	private void redemptions() {
		long barberOffer = offer(this.barber);
		long grocerOffer = offer(this.grocer);
		redemption(barberOffer, this.barber, 25, "REDEEMED", "2026-03-20T02:00:00Z");
		redemption(barberOffer, this.barber, 15, "REDEEMED", "2026-03-31T15:30:00Z");
		redemption(barberOffer, this.barber, 40, "REDEEMED", "2026-03-31T16:30:00Z");
		redemption(grocerOffer, this.grocer, 12, "REDEEMED", "2026-03-05T02:00:00Z");
		redemption(grocerOffer, this.grocer, 30, "CANCELLED", "2026-03-05T03:00:00Z");
	}

	private long offer(Merchant merchant) {
		return this.jdbc.sql("""
				INSERT INTO merchant_offer (merchant_id, title, discount, price_minutes, valid_from, valid_until)
				VALUES (?, '优惠', '九折', 10, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z') RETURNING id""")
			.param(merchant.id()).query(Long.class).single();
	}

	private void redemption(long offer, Merchant merchant, int minutes, String status, String settled) {
		OffsetDateTime at = utc(Instant.parse(settled));
		this.jdbc.sql("""
				INSERT INTO redemption (offer_id, merchant_id, community_id, volunteer_id, minutes, hold_id, token,
				                        short_code, idempotency_key, status, expires_at, created_at, settled_at, confirmed_by)
				VALUES (?, ?, ?, ?, ?, (SELECT least(coalesce(min(hold_id), 0), 0) - 1 FROM redemption), ?, 'ABC123', ?, ?, ?, ?, ?, ?)""")
			.params(offer, merchant.id(), this.community, this.a, minutes, UUID.randomUUID() + "-" + UUID.randomUUID(),
					UUID.randomUUID().toString(), status, at.plusMinutes(10), at.minusMinutes(1), at,
					status.equals("REDEEMED") ? this.a : null)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
