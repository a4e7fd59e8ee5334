package org.qibao.audit;

import java.util.List;
import java.util.Map;

import org.qibao.Clients;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.shared.GlobalId;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Communities of their own and their people, so that each test reads only the audit entries it made. */
final class AuditFixtures {

	/** Inside the grid of every community {@link #community()} makes. */
	static final Map<String, Object> IN_GRID = Map.of("longitude", 114.3590, "latitude", 30.5675);

	private final ApplicationContext context;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final int port;

	AuditFixtures(ApplicationContext context, int port) {
		this.context = context;
		this.accounts = context.getBean(Accounts.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.json = context.getBean(JsonMapper.class);
		this.port = port;
	}

	/** A new community with one grid, in a city of its own. */
	Place community() {
		Geography geography = this.context.getBean(Geography.class);
		String suffix = String.valueOf(System.nanoTime());
		long city = geography.createCity("审计市 " + suffix);
		long street = geography.createStreet(geography.createDistrict(city, "审计区"), "审计街道");
		long community = geography.createCommunity(street, "审计社区 " + suffix, "Asia/Shanghai");
		Grid grid = geography.createGrid(community, "A-01", "审计网格", """
				{"type":"Polygon","coordinates":[[[114.3560,30.5702],[114.3620,30.5698],[114.3618,30.5652],[114.3558,30.5650],[114.3560,30.5702]]]}""");
		return new Place(city, community, grid.id());
	}

	/** A new person, signed in, holding the role over the object (or no role when {@code role} is null). */
	Person person(String name, Role role, long scopeId) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, name, Clients.DEMO_PASSWORD, "zh-CN");
		if (role != null) {
			this.accounts.grant(account.id(), role, scopeId);
		}
		return new Person(account, phone, Clients.signedIn(this.port, phone));
	}

	Person administrator(Place place) {
		return person("管理员", Role.ADMINISTRATOR, place.communityId());
	}

	/** The stored entries the person made, oldest first, as the database holds them. */
	List<Stored> entriesBy(Person actor) {
		return this.jdbc.sql("""
				SELECT actor_id, community_id, action, subject_type, subject_id, before::text, after::text
				FROM audit_entry WHERE actor_id = ? ORDER BY id""")
			.param(actor.account().id())
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
					rs.getLong(5), map(rs.getString(6)), map(rs.getString(7))))
			.list();
	}

	int count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	private Map<String, Object> map(String text) {
		return this.json.readValue(text, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
		});
	}

	static Map<String, Object> payload(HttpGraphQlTester client, String document, Map<String, Object> input,
			String field) {
		return client.document(document)
			.variable("input", input)
			.execute()
			.path(field)
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	record Place(long cityId, long communityId, long gridId) {

		String id() {
			return GlobalId.encode("Community", this.communityId);
		}

	}

	record Person(Account account, String phone, HttpGraphQlTester client) {

		String id() {
			return GlobalId.encode("Account", this.account.id());
		}

	}

	/** One row of {@code audit_entry}. */
	record Stored(long actorId, Long communityId, String action, String subjectType, long subjectId,
			Map<String, Object> before, Map<String, Object> after) {
	}

}
