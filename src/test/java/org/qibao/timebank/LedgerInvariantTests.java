package org.qibao.timebank;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database itself refuses what would break the ledger, and the check finds what slipped past. */
@QibaoTest
class LedgerInvariantTests {

	private static final String CHECK = "{ ledgerCheck { healthy accounts transfers breaches { code detail } } }";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Accounts accounts;

	@Autowired
	PatrolEarnings earnings;

	@Autowired
	Courses courses;

	@Autowired
	TimeBank timeBank;

	private TimeBankFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
	}

	@Test
	void anAdministratorSeesAHealthyLedger() {
		this.fixtures.volunteer(30);
		Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE)
			.document(CHECK)
			.execute()
			.path("ledgerCheck.healthy").entity(Boolean.class).isEqualTo(true)
			.path("ledgerCheck.breaches").entityList(Object.class).hasSize(0);
	}

	@Test
	void theCheckFindsABalanceChangedByHandInTheDatabase() {
		long passbook = this.fixtures.passbookId(this.fixtures.volunteer(30));
		plantBalance(passbook, 7);
		try {
			LedgerCheck check = this.timeBank.checkInvariants();
			assertThat(check.healthy()).isFalse();
			assertThat(check.breaches()).extracting(LedgerCheck.Breach::code)
				.contains("BALANCES_DO_NOT_SUM_TO_ZERO", "BALANCE_DIFFERS_FROM_ENTRIES");
			assertThat(check.breaches()).anySatisfy(b -> assertThat(b.detail()).contains("account " + passbook + " "));
			Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE)
				.document(CHECK)
				.execute()
				.path("ledgerCheck.healthy").entity(Boolean.class).isEqualTo(false)
				.path("ledgerCheck.breaches[*].code").entityList(String.class).contains("BALANCE_DIFFERS_FROM_ENTRIES");
		}
		finally {
			plantBalance(passbook, -7);
		}
		assertThat(this.timeBank.checkInvariants().healthy()).isTrue();
	}

	@Test
	void entriesAndTransfersCannotBeChangedOrDeleted() {
		long passbook = this.fixtures.passbookId(this.fixtures.volunteer(30));
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE ledger_entry SET minutes = minutes + 1 WHERE account_id = ?").param(passbook).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM ledger_entry WHERE account_id = ?").param(passbook).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE ledger_transfer SET minutes = 1 WHERE to_account_id = ?").param(passbook).update())
			.hasMessageContaining("append-only");
	}

	@Test
	void aBalanceCannotBeWrittenExceptByAnEntry() {
		long passbook = this.fixtures.passbookId(this.fixtures.volunteer(30));
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE ledger_account SET balance = 1000 WHERE id = ?").param(passbook).update())
			.hasMessageContaining("balances move only with entries");
	}

	@Test
	void theDatabaseRefusesAnOverdraftAndAnUnbalancedTransfer() {
		long passbook = this.fixtures.passbookId(this.fixtures.volunteer(30));
		long school = this.transaction.execute(s -> this.jdbc.sql("SELECT id FROM ledger_account WHERE kind = 'ISSUING' AND community_id = ?")
			.param(this.fixtures.dongting()).query(Long.class).single());
		// an overdraft written past the code: the CHECK constraint on the account refuses it
		assertThatThrownBy(() -> this.transaction.executeWithoutResult(s -> writeRaw(passbook, school, 31, 31)))
			.hasMessageContaining("ledger_account_not_overdrawn");
		// two entries that do not sum to zero: refused when the transaction commits
		assertThatThrownBy(() -> this.transaction.executeWithoutResult(s -> writeRaw(passbook, school, 5, 4)))
			.hasMessageContaining("unbalanced");
		assertThat(this.timeBank.checkInvariants().healthy()).isTrue();
	}

	@Test
	void onlyAdministratorsMayCheckTheLedger() {
		Clients.signedIn(this.port, Clients.VOLUNTEER_PHONE)
			.document(CHECK)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
		Clients.anonymous(this.port)
			.document(CHECK)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
	}

	private void writeRaw(long from, long to, int debit, int credit) {
		long transfer = this.jdbc.sql("""
				INSERT INTO ledger_transfer (kind, from_account_id, to_account_id, minutes, reference, idempotency_key, content_hash)
				VALUES ('ADJUSTMENT', ?, ?, ?, 'raw', ?, 'x') RETURNING id""")
			.params(from, to, debit, "raw-" + System.nanoTime())
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO ledger_entry (transfer_id, account_id, minutes, balance_after) VALUES (?, ?, ?, 0)")
			.params(transfer, from, -debit).update();
		this.jdbc.sql("INSERT INTO ledger_entry (transfer_id, account_id, minutes, balance_after) VALUES (?, ?, ?, 0)")
			.params(transfer, to, credit).update();
	}

	/** Changes a balance behind the ledger's back, as only someone with the database's keys could. */
	private void plantBalance(long accountId, int minutes) {
		this.transaction.executeWithoutResult(status -> {
			this.jdbc.sql("ALTER TABLE ledger_account DISABLE TRIGGER ledger_account_guard").update();
			this.jdbc.sql("UPDATE ledger_account SET balance = balance + ? WHERE id = ?").params(minutes, accountId).update();
			this.jdbc.sql("ALTER TABLE ledger_account ENABLE TRIGGER ledger_account_guard").update();
		});
		assertThat(List.of(accountId)).isNotEmpty();
	}

}
