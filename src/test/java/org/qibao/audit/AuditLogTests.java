package org.qibao.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.QibaoTest;
import org.qibao.audit.AuditFixtures.Person;
import org.qibao.audit.AuditFixtures.Place;
import org.qibao.identity.Role;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.GlobalId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log keeps an action exactly when its change commits, never lets an entry be changed,
 * and shows a community's entries only to its administrators, newest first, filtered and paged.
 */
@QibaoTest
class AuditLogTests {

	private static final String LOG = """
			query($c: ID!, $first: Int, $after: String, $action: String, $actor: ID, $from: DateTime, $to: DateTime) {
			  auditLog(communityId: $c, first: $first, after: $after, action: $action, actorId: $actor, from: $from, to: $to) {
			    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }
			    nodes { id at action subjectType subjectId before after summary actor { displayName }
			            subject { __typename ... on CaseCategory { serviceCode } } } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	private AuditFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new AuditFixtures(this.context, this.port);
	}

	@Test
	void aChangeRolledBackLeavesNoEntryAndAnEntryThatCannotBeWrittenRollsTheChangeBack() {
		Place place = this.fixtures.community();
		Person admin = this.fixtures.administrator(place);
		this.transactions.executeWithoutResult(tx -> {
			rename(admin, "改过的名字");
			this.events.publishEvent(action(admin, place, "identity.accountRename"));
			tx.setRollbackOnly();
		});
		assertThat(this.fixtures.entriesBy(admin)).as("a change rolled back is not in the log").isEmpty();

		assertThatThrownBy(() -> this.transactions.executeWithoutResult(tx -> {
			rename(admin, "改过的名字");
			this.events.publishEvent(action(admin, place, "not an action"));
		})).as("the database refuses the entry, and with it the change").isNotNull();
		assertThat(this.fixtures.entriesBy(admin)).isEmpty();
		assertThat(this.fixtures.count("SELECT count(*) FROM account WHERE id = ? AND display_name = '管理员'",
				admin.account().id())).as("the change went with its entry").isEqualTo(1);

		this.transactions.executeWithoutResult(tx -> {
			rename(admin, "改过的名字");
			this.events.publishEvent(action(admin, place, "identity.accountRename"));
		});
		assertThat(this.fixtures.entriesBy(admin)).singleElement()
			.satisfies(e -> assertThat(e.after()).containsEntry("displayName", "改过的名字"));
	}

	@Test
	void anActionPublishedOutsideATransactionIsRefusedLoudlyAndNotKept() {
		Place place = this.fixtures.community();
		Person admin = this.fixtures.administrator(place);
		assertThatThrownBy(() -> this.events.publishEvent(action(admin, place, "identity.accountRename")))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(this.fixtures.entriesBy(admin)).isEmpty();
	}

	@Test
	void theDatabaseRefusesToChangeOrRemoveAnEntry() {
		Place place = this.fixtures.community();
		Person admin = this.fixtures.administrator(place);
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(action(admin, place, "identity.accountRename")));
		long actor = admin.account().id();
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE audit_entry SET action = 'casework.forged' WHERE actor_id = ?")
			.param(actor)
			.update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_entry WHERE actor_id = ?").param(actor).update())
			.hasMessageContaining("append-only");
		assertThat(this.fixtures.entriesBy(admin)).singleElement()
			.satisfies(e -> assertThat(e.action()).isEqualTo("identity.accountRename"));
	}

	@Test
	void onlyTheCommunitysAdministratorsReadItsLogAndItsEntriesByID() {
		Place place = this.fixtures.community();
		Person admin = this.fixtures.administrator(place);
		String entryId = categoryCreated(admin, place);
		Person volunteer = this.fixtures.person("志愿者", Role.VOLUNTEER, place.communityId());
		Person otherAdmin = this.fixtures.administrator(this.fixtures.community());

		for (Person outsider : List.of(volunteer, otherAdmin)) {
			outsider.client().document(LOG).variable("c", place.id()).execute().errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
			outsider.client().document("query($id: ID!) { node(id: $id) { id } }").variable("id", entryId).execute()
				.path("node").valueIsNull();
		}
		admin.client().document("query($id: ID!) { node(id: $id) { ... on AuditEntry { action } } }")
			.variable("id", entryId)
			.execute()
			.path("node.action").entity(String.class).isEqualTo("casework.caseCategoryCreate");
	}

	@Test
	void theCitysAdministratorsReadTheLogOfEveryCommunityOfTheirCityAndNoOther() {
		Place place = this.fixtures.community();
		Person admin = this.fixtures.administrator(place);
		String entryId = categoryCreated(admin, place);
		Person cityAdministrator = this.fixtures.person("市级管理员", Role.CITY_ADMINISTRATOR, place.cityId());
		Person otherCitys = this.fixtures.person("别市管理员", Role.CITY_ADMINISTRATOR, this.fixtures.community().cityId());

		cityAdministrator.client().document("query($id: ID!) { node(id: $id) { ... on AuditEntry { action } } }")
			.variable("id", entryId)
			.execute()
			.path("node.action").entity(String.class).isEqualTo("casework.caseCategoryCreate");
		otherCitys.client().document(LOG).variable("c", place.id()).execute().errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
	}

	@Test
	void anEntrySaysWhoDidWhatToWhichObjectInTheReadersLanguage() {
		Place place = this.fixtures.community();
		Person admin = this.fixtures.administrator(place);
		categoryCreated(admin, place);
		GraphQlTester.Response english = admin.client().mutate().header("Accept-Language", "en").build()
			.document(LOG).variable("c", place.id()).execute();
		english.path("auditLog.nodes[0].summary").entity(String.class).isEqualTo("Added a case category");
		english.path("auditLog.nodes[0].actor.displayName").entity(String.class).isEqualTo("管理员");
		english.path("auditLog.nodes[0].subject.__typename").entity(String.class).isEqualTo("CaseCategory");
		english.path("auditLog.nodes[0].subject.serviceCode").entity(String.class).isEqualTo("audit-test");
		english.path("auditLog.nodes[0].subjectType").entity(String.class).isEqualTo("CaseCategory");
		english.path("auditLog.nodes[0].before").entity(Map.class).isEqualTo(Map.of());
		english.path("auditLog.nodes[0].after.nameEn").entity(String.class).isEqualTo("Audited");
		admin.client().mutate().header("Accept-Language", "zh-CN").build()
			.document(LOG).variable("c", place.id()).execute()
			.path("auditLog.nodes[0].summary").entity(String.class).isEqualTo("新增了案件类别");
	}

	@Test
	void theLogComesNewestFirstInPagesAndFiltersByActionPersonAndTime() {
		Place place = this.fixtures.community();
		Person admin = this.fixtures.administrator(place);
		Person second = this.fixtures.administrator(place);
		Instant start = Instant.now().minusSeconds(1);
		for (int i = 0; i < 3; i++) {
			publish(admin, place, "identity.accountRename");
		}
		publish(second, place, "geo.gridBoundaryUpdate");
		Instant end = Instant.now().plusSeconds(1);

		GraphQlTester.Response first = admin.client().document(LOG).variable("c", place.id()).variable("first", 3).execute();
		first.path("auditLog.totalCount").entity(Integer.class).isEqualTo(4);
		first.path("auditLog.nodes[0].action").entity(String.class).isEqualTo("geo.gridBoundaryUpdate");
		first.path("auditLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("auditLog.pageInfo.endCursor").entity(String.class).get();
		admin.client().document(LOG).variable("c", place.id()).variable("first", 3).variable("after", cursor).execute()
			.path("auditLog.nodes[*].action").entityList(String.class).containsExactly("identity.accountRename")
			.path("auditLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		admin.client().document(LOG).variable("c", place.id()).variable("action", "geo.gridBoundaryUpdate").execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(1);
		admin.client().document(LOG).variable("c", place.id()).variable("actor", admin.id()).execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(3);
		admin.client().document(LOG).variable("c", place.id()).variable("from", start.toString())
			.variable("to", end.toString()).execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(4);
		admin.client().document(LOG).variable("c", place.id()).variable("from", end.toString()).execute()
			.path("auditLog.totalCount").entity(Integer.class).isEqualTo(0);
	}

	/** An administrator adds a case category through GraphQL; returns the global ID of its entry. */
	private String categoryCreated(Person admin, Place place) {
		Map<String, Object> input = Map.of("communityId", place.id(), "nameZh", "审计", "nameEn", "Audited",
				"serviceCode", "audit-test", "acceptWithinMinutes", 60, "resolveWithinMinutes", 600);
		AuditFixtures.payload(admin.client(), """
				mutation($input: CaseCategoryCreateInput!) { caseCategoryCreate(input: $input) { category { id } userErrors { code } } }""",
				input, "caseCategoryCreate");
		long id = this.jdbc.sql("SELECT id FROM audit_entry WHERE actor_id = ?")
			.param(admin.account().id())
			.query(Long.class)
			.single();
		return GlobalId.encode("AuditEntry", id);
	}

	private void publish(Person actor, Place place, String action) {
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(action(actor, place, action)));
	}

	private void rename(Person person, String name) {
		this.jdbc.sql("UPDATE account SET display_name = ? WHERE id = ?").params(name, person.account().id()).update();
	}

	private static AdministrativeAction action(Person actor, Place place, String action) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("displayName", "改过的名字");
		return new AdministrativeAction(actor.account().id(), place.communityId(), action, "Account",
				actor.account().id(), Map.of("displayName", "管理员"), after);
	}

}
