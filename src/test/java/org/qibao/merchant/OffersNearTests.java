package org.qibao.merchant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Volunteers find the offers they can redeem at the shops around them, nearest first. */
@QibaoTest
class OffersNearTests {

	private static final String NEAR = """
			query($near: GeoPointInput!, $radius: Int, $first: Int) {
			  offersNear(near: $near, radiusMetres: $radius, first: $first) {
			    distanceMetres offer { id title priceMinutes merchant { id name } }
			  }
			}""";

	/** Metres per degree of latitude on the sphere the server uses. */
	private static final double METRES_PER_DEGREE = OfferSearchArea.EARTH_RADIUS_METRES * Math.PI / 180;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Merchants merchants;

	@Autowired
	Offers offers;

	@Autowired
	JdbcClient jdbc;

	private MerchantFixtures fixtures;

	private HttpGraphQlTester volunteer;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MerchantFixtures(this.context, this.port);
		this.volunteer = Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).mutate().header("Accept-Language", "en").build();
	}

	@Test
	void theDemoShopsAreFoundAtTheirDistances() {
		// standing at 东亭理发店's door: of the demo shops only it lies within 150 m (东亭便民超市 is 556 m away)
		List<Map<String, Object>> atTheBarber = demoShops(near(new GeoPoint(114.3531, 30.5671), 150, 100));
		assertThat(atTheBarber).extracting(OffersNearTests::merchantName).containsOnly("东亭理发店");
		assertThat(atTheBarber).extracting(OffersNearTests::title).contains("理发", "刮脸修面");
		assertThat(atTheBarber).extracting(n -> n.get("distanceMetres")).containsOnly(0);
		// 0.0009° (100 m) due north of 东亭便民超市 at (114.3589, 30.5668)
		List<Map<String, Object>> north = demoShops(near(new GeoPoint(114.3589, 30.5677), 150, 100));
		assertThat(north).extracting(OffersNearTests::merchantName).containsOnly("东亭便民超市");
		assertThat(north).extracting(OffersNearTests::title).contains("鸡蛋一盒", "米面粮油");
		assertThat(north).extracting(n -> n.get("distanceMetres")).containsOnly(100);
		// south-east of it, 105 m east and 89 m south: 138 m on the great circle
		GeoPoint southEast = new GeoPoint(114.3600, 30.5660);
		List<Map<String, Object>> diagonal = demoShops(near(southEast, 300, 100));
		assertThat(diagonal).extracting(OffersNearTests::merchantName).containsOnly("东亭便民超市");
		assertThat(diagonal).extracting(n -> n.get("distanceMetres"))
			.containsOnly(haversine(southEast, new GeoPoint(114.3589, 30.5668)))
			.containsOnly(138);
	}

	@Test
	void offersComeNearestFirstWithinTheRadiusAndOnlyWhileRedeemable() {
		GeoPoint here = somewhereQuiet();
		Merchant at300 = shopAt(here, 300);
		Merchant at800 = shopAt(here, 800);
		Merchant at1500 = shopAt(here, 1500);
		Merchant at2500 = shopAt(here, 2500);
		Offer haircut = this.fixtures.offer(at300, 40, null, null, null);
		Offer shave = this.fixtures.offer(at300, 20, null, null, null);
		Offer eggs = this.fixtures.offer(at800, 30, null, null, null);
		Offer rice = this.fixtures.offer(at1500, 10, null, null, null);
		Offer far = this.fixtures.offer(at2500, 10, null, null, null);
		Set<Long> hidden = hiddenOffersAround(here);

		List<Map<String, Object>> found = near(here, null, 100);
		assertThat(distances(found)).isSorted();
		List<Map<String, Object>> ours = found.stream().filter(n -> ours(n, at300, at800, at1500, at2500)).toList();
		assertThat(ours).extracting(OffersNearTests::offerKey).containsExactly(shave.id(), haircut.id(), eggs.id(), rice.id());
		assertThat(ours).extracting(n -> n.get("distanceMetres")).containsExactly(300, 300, 800, 1500);
		assertThat(found).extracting(OffersNearTests::offerKey).doesNotContainAnyElementsOf(hidden);

		List<Map<String, Object>> wider = near(here, 3000, 100);
		assertThat(wider).extracting(n -> n.get("distanceMetres")).last().isEqualTo(2500);
		assertThat(wider).extracting(OffersNearTests::offerKey).contains(far.id())
			.doesNotContainAnyElementsOf(hidden);
		assertThat(near(here, 500, 100)).extracting(OffersNearTests::offerKey).containsExactly(shave.id(), haircut.id());
		assertThat(near(here, 3000, 2)).extracting(OffersNearTests::offerKey).containsExactly(shave.id(), haircut.id());
	}

	@Test
	void onlyTheVolunteersOwnCommunitiesCount() {
		GeoPoint here = somewhereQuiet();
		Merchant shop = shopAt(here, 200);
		this.fixtures.offer(shop, 10, null, null, null);
		assertThat(near(here, null, 100)).extracting(n -> n.get("distanceMetres")).containsExactly(200);
		HttpGraphQlTester outsider = this.fixtures.staff(shop); // staff, not a volunteer of any community
		assertThat(outsider.document(NEAR).variable("near", point(here)).execute()
			.path("offersNear").entityList(Object.class).get()).isEmpty();
		Clients.anonymous(this.port).document(NEAR).variable("near", point(here)).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
	}

	@Test
	void aRadiusOutside100MetresTo20KilometresIsRefused() {
		GeoPoint dongting = new GeoPoint(114.355, 30.567);
		for (int radius : new int[] { 99, 0, -1, 20_001 }) {
			assertRefused(query(dongting, radius), "INVALID_RADIUS", "The search radius must be 100 to 20000 metres.");
		}
		assertThat(near(dongting, 100, 1)).isNotNull();
		assertThat(near(dongting, 20_000, 1)).isNotEmpty();
		query(dongting, null).variable("first", 101).execute().errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
	}

	@Test
	void coordinatesThatAreNotAPositionAreRefused() {
		for (GeoPoint bad : new GeoPoint[] { new GeoPoint(181, 30.567), new GeoPoint(114.355, -91),
				new GeoPoint(30.567, 114.355), new GeoPoint(0, 0) }) {
			assertRefused(query(bad, null), "INVALID_COORDINATES", "The coordinates are not a valid position.");
		}
		// JSON has no NaN: GraphQL refuses it as a Float before it reaches the rules
		this.volunteer.document("{ offersNear(near: {longitude: \"NaN\", latitude: 30.5}) { distanceMetres } }").execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
	}

	@Test
	void refusalsComeInTheLanguageAsked() {
		HttpGraphQlTester chinese = Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE).mutate()
			.header("Accept-Language", "zh-CN")
			.build();
		chinese.document(NEAR).variable("near", point(new GeoPoint(114.355, 30.567))).variable("radius", 50).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getMessage()).isEqualTo("搜索范围须为 100 到 20000 米。"));
	}

	/** Offers at shops 100 m and 600 m away that must never be shown: at a suspended shop, paused, ended, or outside their window. */
	private Set<Long> hiddenOffersAround(GeoPoint here) {
		Merchant suspended = shopAt(here, 100);
		Offer atSuspended = this.fixtures.offer(suspended, 10, null, null, null);
		this.jdbc.sql("UPDATE merchant SET status = 'SUSPENDED' WHERE id = ?").param(suspended.id()).update();
		Merchant shop = shopAt(here, 600);
		Offer paused = this.fixtures.offer(shop, 10, null, null, null);
		this.offers.setStatus(paused.id(), OfferStatus.PAUSED);
		Offer ended = this.fixtures.offer(shop, 10, null, null, null);
		this.offers.setStatus(ended.id(), OfferStatus.ENDED);
		Offer notYet = this.offers.create(shop.id(), terms(Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(2))));
		Offer over = this.offers.create(shop.id(), terms(Instant.now().minus(Duration.ofDays(2)), Instant.now().minusSeconds(1)));
		return Set.of(atSuspended.id(), paused.id(), ended.id(), notYet.id(), over.id());
	}

	private static OfferTerms terms(Instant from, Instant until) {
		return new OfferTerms("不在有效期", "", "减 1 元", 10, from, until, null, null, null);
	}

	/** A new approved shop of Dongting, the given metres due north of the point. */
	private Merchant shopAt(GeoPoint here, int metresNorth) {
		return this.merchants.create(this.fixtures.dongting(), "附近测试店 " + System.nanoTime(), "BARBER", "测试路",
				new GeoPoint(here.longitude(), here.latitude() + metresNorth / METRES_PER_DEGREE));
	}

	/** A random point in western China, far from Dongting where other tests put shops, and from earlier runs' points. */
	private static GeoPoint somewhereQuiet() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new GeoPoint(100 + random.nextDouble(12), 24 + random.nextDouble(16));
	}

	private static List<Map<String, Object>> demoShops(List<Map<String, Object>> found) {
		return found.stream().filter(n -> Set.of("东亭理发店", "东亭便民超市").contains(merchantName(n))).toList();
	}

	private List<Map<String, Object>> near(GeoPoint point, Integer radius, int first) {
		return query(point, radius).variable("first", first).execute().path("offersNear")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
	}

	private GraphQlTester.Request<?> query(GeoPoint point, Integer radius) {
		return this.volunteer.document(NEAR).variable("near", point(point)).variable("radius", radius);
	}

	private static void assertRefused(GraphQlTester.Request<?> request, String code, String message) {
		request.execute().errors().satisfy(errors -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", code);
			assertThat(errors.get(0).getMessage()).isEqualTo(message);
		});
	}

	private static Map<String, Object> point(GeoPoint point) {
		return Map.of("longitude", point.longitude(), "latitude", point.latitude());
	}

	private static List<Integer> distances(List<Map<String, Object>> found) {
		return found.stream().map(n -> (Integer) n.get("distanceMetres")).toList();
	}

	private static boolean ours(Map<String, Object> nearby, Merchant... shops) {
		Set<String> ids = java.util.Arrays.stream(shops).map(MerchantFixtures::id).collect(Collectors.toSet());
		return ids.contains(((Map<?, ?>) ((Map<?, ?>) nearby.get("offer")).get("merchant")).get("id"));
	}

	private static String merchantName(Map<String, Object> nearby) {
		return (String) ((Map<?, ?>) ((Map<?, ?>) nearby.get("offer")).get("merchant")).get("name");
	}

	private static String title(Map<String, Object> nearby) {
		return (String) ((Map<?, ?>) nearby.get("offer")).get("title");
	}

	private static long offerKey(Map<String, Object> nearby) {
		return org.qibao.shared.GlobalId.keyOf((String) ((Map<?, ?>) nearby.get("offer")).get("id"), "Offer");
	}

	/** The great-circle distance in whole metres, computed here independently of the SQL. */
	private static int haversine(GeoPoint a, GeoPoint b) {
		double dLat = Math.toRadians(b.latitude() - a.latitude());
		double dLon = Math.toRadians(b.longitude() - a.longitude());
		double h = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(a.latitude())) * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
		return (int) Math.round(2 * OfferSearchArea.EARTH_RADIUS_METRES * Math.asin(Math.sqrt(h)));
	}

}
