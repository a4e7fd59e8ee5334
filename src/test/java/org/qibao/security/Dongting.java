package org.qibao.security;

import org.qibao.Clients;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.shared.GlobalId;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo community as the matrix's objects need it: its keys, its grid worker, and people of
 * its own who make the objects (an administrator of the community office besides the demo's, and
 * volunteers), so that no demo caller owns an object unless the matrix says so.
 */
final class Dongting {

	final long communityId;

	final long teamId;

	final long dt01;

	final long dt02;

	final GraphQlCalls calls;

	final JdbcClient jdbc;

	private final Accounts accounts;

	private final int port;

	/** Another administrator of the community: invites, proposes corrections and uploads rosters. */
	private Person office;

	private String gridWorkerToken;

	Dongting(ApplicationContext context, int port) {
		this.port = port;
		this.calls = new GraphQlCalls(port);
		this.jdbc = context.getBean(JdbcClient.class);
		this.accounts = context.getBean(Accounts.class);
		this.communityId = this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
		this.teamId = this.jdbc.sql("SELECT id FROM team WHERE name = '七宝巡逻队'").query(Long.class).single();
		this.dt01 = grid("DT-01");
		this.dt02 = grid("DT-02");
	}

	private long grid(String code) {
		return this.jdbc.sql("SELECT id FROM grid WHERE community_id = ? AND code = ?")
			.params(this.communityId, code)
			.query(Long.class)
			.single();
	}

	String community() {
		return GlobalId.encode("Community", this.communityId);
	}

	String team() {
		return GlobalId.encode("Team", this.teamId);
	}

	Person office() {
		if (this.office == null) {
			this.office = person("社区办公室", Role.ADMINISTRATOR);
		}
		return this.office;
	}

	/** The demo grid worker, of DT-01 and DT-02. */
	String gridWorkerToken() {
		if (this.gridWorkerToken == null) {
			this.gridWorkerToken = Clients.token(this.port, "13900000002", Clients.DEMO_PASSWORD);
		}
		return this.gridWorkerToken;
	}

	String gridWorker() {
		long key = this.accounts.findByPhone("13900000002").orElseThrow().id();
		return GlobalId.encode("Account", key);
	}

	/** A new volunteer of the community, signed in. */
	Person volunteer(String name) {
		return person(name, Role.VOLUNTEER);
	}

	private Person person(String name, Role role) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, name, Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.VOLUNTEER, this.communityId);
		this.accounts.grant(account.id(), role, this.communityId);
		return new Person(account.id(), Clients.token(this.port, phone, Clients.DEMO_PASSWORD));
	}

	/** Someone who makes objects: their account's key and a token. */
	record Person(long accountId, String token) {

		String id() {
			return GlobalId.encode("Account", this.accountId);
		}

	}

}
