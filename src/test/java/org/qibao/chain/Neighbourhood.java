package org.qibao.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.qibao.Clients;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.merchant.Merchant;
import org.qibao.merchant.Merchants;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The people of an end-to-end test, new for each test in the demo's Dongting community: a patrol
 * team (captain and volunteers) of grids DT-01 and DT-02, and a shop with a staff member. Only
 * who they are is set up through the application's services (there is no GraphQL sign-up); all
 * they do goes through GraphQL, as their phones would send it.
 */
final class Neighbourhood {

	static final String PASSWORD = "chain-test-2026";

	/** Well inside DT-01. */
	static final GeoPoint IN_DT01 = new GeoPoint(114.3530, 30.5675);

	final int port;

	final long communityId;

	final Grid dt01;

	final Team team;

	final Person captain;

	final Merchant shop;

	final Person staff;

	private final Accounts accounts;

	private final Teams teams;

	Neighbourhood(ApplicationContext context, int port) {
		this.port = port;
		this.accounts = context.getBean(Accounts.class);
		this.teams = context.getBean(Teams.class);
		Geography geography = context.getBean(Geography.class);
		this.dt01 = geography.gridAt(IN_DT01).orElseThrow();
		this.communityId = this.dt01.communityId();
		Grid dt02 = geography.gridsOf(this.communityId).stream().filter(g -> g.code().equals("DT-02")).findFirst().orElseThrow();
		this.team = this.teams.create(this.communityId, "链路队" + System.nanoTime() % 1_000_000_000L, List.of(this.dt01.id(), dt02.id()));
		this.captain = member("队长");
		this.accounts.grant(this.captain.account.id(), Role.CAPTAIN, this.team.id());
		this.shop = context.getBean(Merchants.class).create(this.communityId, "链路理发店 " + System.nanoTime(), "BARBER",
				"东亭路 9 号", new GeoPoint(114.355, 30.567));
		this.staff = registered("店员");
		this.accounts.grant(this.staff.account.id(), Role.MERCHANT_STAFF, this.shop.id());
	}

	/** A new volunteer of the community and active member of the team. */
	Person member(String name) {
		Person person = registered(name);
		this.accounts.grant(person.account.id(), Role.VOLUNTEER, this.communityId);
		this.teams.addMember(this.team.id(), person.account.id());
		return person;
	}

	private Person registered(String name) {
		String phone = Clients.uniquePhone();
		return new Person(this.accounts.register(phone, name, PASSWORD, "zh-CN"), phone, this.port);
	}

	String community() {
		return GlobalId.encode("Community", this.communityId);
	}

	String shopId() {
		return GlobalId.encode("Merchant", this.shop.id());
	}

	/** Someone with a phone, signed in once. */
	static final class Person {

		final Account account;

		final String phone;

		final HttpGraphQlTester phoneClient;

		Person(Account account, String phone, int port) {
			this.account = account;
			this.phone = phone;
			this.phoneClient = Clients.signedIn(port, phone, PASSWORD);
		}

		String id() {
			return GlobalId.encode("Account", this.account.id());
		}

		GraphQlTester.Response send(String document, Map<String, Object> input) {
			return this.phoneClient.document(document).variable("input", input).execute();
		}

		/** The payload of a mutation with no user errors. */
		Map<String, Object> must(String document, String mutation, Map<String, Object> input) {
			GraphQlTester.Response response = send(document, input);
			response.errors().verify();
			response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
			return response.path(mutation).entity(new ParameterizedTypeReference<Map<String, Object>>() {
			}).get();
		}

	}

	// What the phones send

	static final String SHIFT_CREATE = """
			mutation($input: ShiftCreateInput!) { shiftCreate(input: $input) { shift { id startsAt } userErrors { code message } } }""";

	static final String SIGN_UP = """
			mutation($input: ShiftSignUpInput!) { shiftSignUp(input: $input) { signup { status } userErrors { code message } } }""";

	static final String CHECK_IN = """
			mutation($input: ShiftCheckInInput!) { shiftCheckIn(input: $input) { checkIn { id checkedInAt } userErrors { code message } } }""";

	static final String CHECK_OUT = """
			mutation($input: ShiftCheckInInput!) { shiftCheckOut(input: $input) {
			  checkIn { id checkedOutAt closedHow
			    attendance { id status reviewReason checkedInMinutes coveredMinutes verifiedMinutes } }
			  userErrors { code message } } }""";

	static final String REPORT = """
			mutation($input: PositionReportInput!) { positionReport(input: $input) {
			  accepted coalesced dropped { reason count } userErrors { code message } } }""";

	static final String BATCH = """
			mutation($input: PositionReportBatchInput!) { positionReportBatch(input: $input) {
			  accepted coalesced dropped { reason count } userErrors { code message } } }""";

	static final String PASSBOOK = """
			query { passbook { balance heldMinutes available entries(first: 10) { nodes { kind minutes balanceAfter } } } }""";

	static final String OFFER_CREATE = """
			mutation($input: OfferCreateInput!) { offerCreate(input: $input) { offer { id priceMinutes } userErrors { code message } } }""";

	static final String CODE_REQUEST = """
			mutation($input: RedemptionCodeRequestInput!) { redemptionCodeRequest(input: $input) {
			  redemption { id code status minutes } userErrors { code message } } }""";

	static final String CONFIRM = """
			mutation($input: RedemptionConfirmInput!) { redemptionConfirm(input: $input) {
			  redemption { code status minutes volunteer { displayName } } userErrors { code message } } }""";

	static Map<String, Object> shift(Neighbourhood place, Instant start, Duration length) {
		return Map.of("teamId", GlobalId.encode("Team", place.team.id()), "gridIds", List.of(GlobalId.encode("Grid", place.dt01.id())),
				"startsAt", start.toString(), "endsAt", start.plus(length).toString(), "minPatrollers", 1, "maxPatrollers", 7);
	}

	static Map<String, Object> onTheSpot(String shiftId) {
		return Map.of("shiftId", shiftId, "position", point(IN_DT01), "accuracy", 10.0);
	}

	static Map<String, Object> position(Instant recordedAt) {
		return Map.of("position", point(IN_DT01), "accuracy", 8.0, "recordedAt", recordedAt.toString());
	}

	static Map<String, Object> offer(Neighbourhood place, int priceMinutes) {
		return Map.of("merchantId", place.shopId(), "title", "理发减 5 元", "discount", "减 5 元", "priceMinutes", priceMinutes,
				"validFrom", Instant.now().minus(Duration.ofMinutes(5)).toString(),
				"validUntil", Instant.now().plus(Duration.ofDays(1)).toString());
	}

	static Map<String, Object> codeFor(String offerId) {
		return Map.of("offerId", offerId, "idempotencyKey", "chain-" + UUID.randomUUID());
	}

	private static Map<String, Object> point(GeoPoint point) {
		return Map.of("longitude", point.longitude(), "latitude", point.latitude());
	}

}
