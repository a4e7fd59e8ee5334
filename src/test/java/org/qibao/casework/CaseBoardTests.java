package org.qibao.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.casework.CaseFixtures.Neighbourhood;
import org.qibao.casework.CaseFixtures.Person;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.identity.ScopedRole;
import org.qibao.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.casework.CaseFixtures.caseOf;
import static org.qibao.casework.CaseFixtures.payload;
import static org.qibao.casework.CaseFixtures.plainStep;

/** The grid worker's case board: a page of a hundred cases costs the statements a page of ten does. */
@QibaoTest
@Import(CaseworkProbes.class)
class CaseBoardTests {

	private static final String BOARD = """
			query($c: ID!, $first: Int, $stage: CaseStage, $grid: ID) {
			  caseBoard(communityId: $c, first: $first, stage: $stage, gridId: $grid) {
			    totalCount pageInfo { hasNextPage endCursor }
			    nodes { id stage overdue reporter { displayName } grid { code } photos { url } lastEvent { kind at } }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CaseReporting reporting;

	@Autowired
	CaseCategories categories;

	@Autowired
	JdbcClient jdbc;

	private CaseFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new CaseFixtures(this.context, this.port);
	}

	@Test
	void aPageOfAHundredCasesWithReporterGridPhotosAndLastEventCostsAsManyStatementsAsAPageOfTen() {
		Neighbourhood place = this.fixtures.neighbourhood();
		Person gridWorker = this.fixtures.of(place, "看板网格员", Role.GRID_WORKER);
		List<Person> reporters = List.of(this.fixtures.of(place, "甲", Role.VOLUNTEER),
				this.fixtures.of(place, "乙", Role.VOLUNTEER), this.fixtures.of(place, "丙", Role.VOLUNTEER));
		long category = category(place.communityId(), "other");
		for (int i = 0; i < 100; i++) {
			Person reporter = reporters.get(i % reporters.size());
			List<String> photos = i % 2 == 0 ? List.of(this.fixtures.uploadedPhoto(reporter)) : List.of();
			this.reporting.report(actor(reporter, place.communityId()), new CaseReport(UUID.randomUUID().toString(),
					category, "看板案件 " + i, new GeoPoint(114.3590, 30.5675), null, i % 3 == 0, photos));
		}
		query(gridWorker, place.id(), 5);

		int ten = statementsFor(gridWorker, place.id(), 10);
		int hundred = statementsFor(gridWorker, place.id(), 100);

		assertThat(hundred).as("statements for 100 cases: %s", CaseworkProbes.SQL).isEqualTo(ten);
		assertThat(ten).isLessThan(20);
	}

	@Test
	void aGridWorkerSeesTheirGridsAndTheCommunitysUnworkedCasesAndVerifiedReportsAreAnnouncedOnce() {
		Person gridWorker = this.fixtures.gridWorker("一网格员", "DT-01");
		Person otherGrid = this.fixtures.gridWorker("二网格员", "DT-02");
		Person reporter = this.fixtures.volunteer("丁");
		Map<String, Object> inDt01 = this.fixtures.reported(reporter, "一网格的案件");

		Map<String, Object> board = gridWorker.client().document(BOARD).variable("c", this.fixtures.dongting())
			.variable("first", 100).variable("stage", "REPORTED").variable("grid", null).execute()
			.path("caseBoard").entity(Map.class).get();
		assertThat(board.get("nodes").toString()).contains(inDt01.get("id").toString());
		assertThat(otherGrid.client().document(BOARD).variable("c", this.fixtures.dongting()).variable("first", 100)
			.variable("stage", "REPORTED").variable("grid", null).execute().path("caseBoard.nodes[*].id")
			.entityList(String.class).get()).doesNotContain(inDt01.get("id").toString());
		reporter.client().document(BOARD).variable("c", this.fixtures.dongting()).variable("first", 10)
			.variable("stage", null).variable("grid", null).execute().errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));

		Map<String, Object> c = caseOf(plainStep(gridWorker, "caseAccept", inDt01, null));
		Map<String, Object> input = new java.util.HashMap<>(Map.of("caseId", c.get("id"), "expectedVersion", c.get("version"),
				"handlerId", gridWorker.id()));
		c = caseOf(CaseFixtures.step(gridWorker, "caseDispatch", "CaseDispatchInput", input));
		c = caseOf(plainStep(gridWorker, "caseStart", c, null));
		c = caseOf(CaseFixtures.step(gridWorker, "caseResolve", "CaseResolveInput",
				Map.of("caseId", c.get("id"), "expectedVersion", c.get("version"), "feedback", "好了")));
		c = caseOf(plainStep(gridWorker, "caseReopen", c, "没好"));
		c = caseOf(plainStep(gridWorker, "caseStart", c, null));
		c = caseOf(CaseFixtures.step(gridWorker, "caseResolve", "CaseResolveInput",
				Map.of("caseId", c.get("id"), "expectedVersion", c.get("version"), "feedback", "这次好了")));
		caseOf(plainStep(gridWorker, "caseVerify", c, null));

		long key = org.qibao.shared.GlobalId.keyOf(c.get("id").toString(), "Case");
		assertThat(CaseworkProbes.VERIFIED.stream().filter(e -> e.caseId() == key))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.reporterAccountId()).isEqualTo(reporter.account().id());
				assertThat(e.gridId()).isEqualTo(this.fixtures.gridKey("DT-01"));
			});
	}

	/** What a board card shows, as the web client's fragment asks for it. */
	private static final String CARD = """
			id stage version description reportedAt overdue dueAt category { id name nameZh nameEn } grid { id code }
			reporter { id displayName } anonymous photos { id url } lastEvent { kind at note actor { id displayName } }""";

	private static final ParameterizedTypeReference<Map<String, Object>> CARD_TYPE = new ParameterizedTypeReference<>() {
	};

	@Test
	void eachCardShowsWhatTheCaseShowsOnItsOwnAndAReporterWhoDeletedTheirDataIsNobodyOnEither() {
		Neighbourhood place = this.fixtures.neighbourhood();
		Person gridWorker = this.fixtures.of(place, "核对网格员", Role.GRID_WORKER);
		Person administrator = this.fixtures.of(place, "核对管理员", Role.ADMINISTRATOR);
		Person kept = this.fixtures.of(place, "留下的", Role.VOLUNTEER);
		Person erased = this.fixtures.of(place, "删除的", Role.VOLUNTEER);
		long category = category(place.communityId(), "other");
		List<String> ids = new ArrayList<>();
		for (Person reporter : List.of(kept, erased)) {
			for (boolean anonymous : List.of(false, true)) {
				List<String> photos = anonymous ? List.of() : List.of(this.fixtures.uploadedPhoto(reporter));
				long id = this.reporting.report(actor(reporter, place.communityId()), new CaseReport(UUID.randomUUID().toString(),
						category, "核对案件", new GeoPoint(114.3590, 30.5675), null, anonymous, photos)).id();
				ids.add(org.qibao.shared.GlobalId.encode("Case", id));
			}
			// the reporter adds to their first case, the grid worker accepts their second
			assertThat(caseOf(payload(reporter.client(), """
					mutation($input: CaseInfoAddInput!) { caseInfoAdd(input: $input) { case { id } userErrors { code } } }""",
					Map.of("caseId", ids.get(ids.size() - 2), "note", "补充"), "caseInfoAdd"))).isNotNull();
			caseOf(plainStep(gridWorker, "caseAccept", Map.of("id", ids.get(ids.size() - 1), "version", 1), null));
		}
		this.jdbc.sql("UPDATE account SET erased_at = now() WHERE id = ?").param(erased.account().id()).update();

		for (Person viewer : List.of(gridWorker, administrator)) {
			List<Map<String, Object>> cards = viewer.client()
				.document("query($c: ID!) { caseBoard(communityId: $c, first: 50) { totalCount nodes { " + CARD + " } } }")
				.variable("c", place.id())
				.execute()
				.path("caseBoard.nodes")
				.entityList(CARD_TYPE)
				.get();
			assertThat(cards).extracting(card -> card.get("id")).containsExactlyElementsOf(ids);
			for (Map<String, Object> card : cards) {
				Map<String, Object> alone = viewer.client()
					.document("query($id: ID!) { node(id: $id) { ... on Case { " + CARD + " } } }")
					.variable("id", card.get("id"))
					.execute()
					.path("node")
					.entity(CARD_TYPE)
					.get();
				assertThat(card).as("the board's card of %s", card.get("id")).isEqualTo(alone);
			}
			assertThat(cards).extracting(card -> (Map<?, ?>) card.get("reporter"))
				.extracting(reporter -> reporter == null ? null : (Object) reporter.get("displayName"))
				.containsExactly("留下的", "留下的", null, null);
			assertThat(cards).extracting(card -> (Map<?, ?>) ((Map<?, ?>) card.get("lastEvent")).get("actor"))
				.extracting(actor -> actor == null ? null : (Object) actor.get("displayName"))
				.containsExactly("留下的", "核对网格员", null, "核对网格员");
			assertThat(cards).extracting(card -> ((List<?>) card.get("photos")).size()).containsExactly(1, 0, 1, 0);
		}
	}

	/** The fewer of two runs: a cache of the sign-in's standing may expire during one of them and cost a statement. */
	private int statementsFor(Person gridWorker, String community, int first) {
		int fewest = Integer.MAX_VALUE;
		for (int run = 0; run < 2; run++) {
			CaseworkProbes.reset();
			assertThat(query(gridWorker, community, first)).hasSize(first);
			fewest = Math.min(fewest, CaseworkProbes.STATEMENTS.get());
		}
		return fewest;
	}

	private List<?> query(Person gridWorker, String community, int first) {
		return gridWorker.client().document(BOARD).variable("c", community).variable("first", first)
			.variable("stage", "REPORTED").variable("grid", null).execute()
			.path("caseBoard.nodes").entityList(Object.class).get();
	}

	private long category(long community, String code) {
		return this.categories.of(community, false).stream()
			.filter(c -> c.serviceCode().equals(code)).findFirst().orElseThrow().id();
	}

	private static Actor actor(Person person, long community) {
		return new Actor(person.account().id(), person.account().displayName(),
				Set.of(new ScopedRole(Role.VOLUNTEER, community)));
	}

}
