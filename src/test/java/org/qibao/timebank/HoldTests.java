package org.qibao.timebank;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.qibao.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Holds reserve minutes and settle exactly once: the API the merchant module redeems through. */
@QibaoTest
class HoldTests {

	@Autowired
	TimeBank timeBank;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	PatrolEarnings earnings;

	@Autowired
	Courses courses;

	private TimeBankFixtures fixtures;

	private long merchant;

	@BeforeEach
	void fixtures() {
		this.fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
		this.merchant = this.jdbc.sql("SELECT id FROM merchant ORDER BY id LIMIT 1").query(Long.class).single();
	}

	@Test
	void aHoldReservesMinutesThatCannotBeSpentTwice() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(50);
		AccountRef passbook = passbookOf(volunteer);
		Hold hold = this.timeBank.hold(passbook, 40, Instant.now().plusSeconds(300), "offer:1", key());
		Passbook after = this.timeBank.passbook(this.fixtures.dongting(), volunteer.accountId());
		assertThat(after.balance()).isEqualTo(50);
		assertThat(after.available()).isEqualTo(10);
		assertThatThrownBy(() -> this.timeBank.hold(passbook, 11, Instant.now().plusSeconds(300), "offer:1", key()))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("INSUFFICIENT_MINUTES"));
		assertThat(hold.status()).isEqualTo(Hold.Status.OPEN);
	}

	@Test
	void aHoldIsCapturedIntoTheMerchantsAccountExactlyOnce() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(50);
		Hold hold = this.timeBank.hold(passbookOf(volunteer), 20, Instant.now().plusSeconds(300), "offer:2", key());
		String captureKey = key();
		AccountRef shop = AccountRef.merchant(this.fixtures.dongting(), this.merchant);
		Transfer first = this.timeBank.capture(hold.id(), shop, captureKey);
		Transfer again = this.timeBank.capture(hold.id(), shop, captureKey);
		assertThat(again.id()).as("the same capture repeated").isEqualTo(first.id());
		assertThat(first.kind()).isEqualTo(TransferKind.MERCHANT_REDEMPTION);
		assertThatThrownBy(() -> this.timeBank.capture(hold.id(), shop, key()))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("HOLD_NOT_OPEN"));
		assertThatThrownBy(() -> this.timeBank.release(hold.id()))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("HOLD_NOT_OPEN"));
		Passbook after = this.timeBank.passbook(this.fixtures.dongting(), volunteer.accountId());
		assertThat(after.balance()).isEqualTo(30);
		assertThat(after.available()).isEqualTo(30);
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void concurrentCapturesOfOneHoldMoveItsMinutesOnce() throws Exception {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(50);
		Hold hold = this.timeBank.hold(passbookOf(volunteer), 25, Instant.now().plusSeconds(300), "offer:3", key());
		AccountRef shop = AccountRef.merchant(this.fixtures.dongting(), this.merchant);
		List<Boolean> captured = Bursts.race(16, i -> () -> {
			try {
				this.timeBank.capture(hold.id(), shop, "capture-" + hold.id() + "-" + i);
				return true;
			}
			catch (BusinessRuleException refused) {
				return false;
			}
		});
		assertThat(captured.stream().filter(ok -> ok).count()).isEqualTo(1);
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(25);
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void capturesIntoAShopsAccountThatIsNotOpenYetOpenItOnceAndAllLand() throws Exception {
		long shop = this.jdbc.sql("""
				INSERT INTO merchant (community_id, name, category, address, longitude, latitude)
				VALUES (?, ?, 'BARBER', '测试路 1 号', 114.3, 30.55) RETURNING id""")
			.params(this.fixtures.dongting(), "首单理发店 " + key())
			.query(Long.class)
			.single();
		AccountRef account = AccountRef.merchant(this.fixtures.dongting(), shop);
		List<Hold> holds = java.util.stream.IntStream.range(0, 12)
			.mapToObj(i -> this.timeBank.hold(passbookOf(this.fixtures.volunteer(10)), 3, Instant.now().plusSeconds(300),
					"offer:first", key()))
			.toList();
		List<Transfer> captured = Bursts.race(holds.size(),
				i -> () -> this.timeBank.capture(holds.get(i).id(), account, "capture-" + holds.get(i).id()));
		assertThat(captured).hasSize(12).allSatisfy(t -> assertThat(t.minutes()).isEqualTo(3));
		List<Long> balances = this.jdbc.sql("SELECT balance FROM ledger_account WHERE kind = 'MERCHANT' AND owner_id = ?")
			.param(shop)
			.query(Long.class)
			.list();
		assertThat(balances).as("one account for the shop, holding every capture").containsExactly(36L);
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void aReleasedHoldGivesItsMinutesBack() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(50);
		Hold hold = this.timeBank.hold(passbookOf(volunteer), 50, Instant.now().plusSeconds(300), "offer:4", key());
		assertThat(this.timeBank.release(hold.id()).status()).isEqualTo(Hold.Status.RELEASED);
		assertThat(this.timeBank.release(hold.id()).status()).as("releasing again changes nothing").isEqualTo(Hold.Status.RELEASED);
		assertThat(this.timeBank.passbook(this.fixtures.dongting(), volunteer.accountId()).available()).isEqualTo(50);
		assertThatThrownBy(() -> this.timeBank.capture(hold.id(), AccountRef.merchant(this.fixtures.dongting(), this.merchant), key()))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("HOLD_NOT_OPEN"));
	}

	@Test
	void anOverdueHoldExpiresAndCannotBeCaptured() throws Exception {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(50);
		Hold hold = this.timeBank.hold(passbookOf(volunteer), 30, Instant.now().plusMillis(300), "offer:5", key());
		Thread.sleep(400);
		assertThatThrownBy(() -> this.timeBank.capture(hold.id(), AccountRef.merchant(this.fixtures.dongting(), this.merchant), key()))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("HOLD_EXPIRED"));
		this.timeBank.expireHolds(); // unless the scheduled expiry came first
		assertThat(this.timeBank.findHold(hold.id()).orElseThrow().status()).isEqualTo(Hold.Status.EXPIRED);
		assertThatThrownBy(() -> this.timeBank.capture(hold.id(), AccountRef.merchant(this.fixtures.dongting(), this.merchant), key()))
			.as("the same answer once the expiry has run")
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("HOLD_EXPIRED"));
		assertThat(this.timeBank.passbook(this.fixtures.dongting(), volunteer.accountId()).available()).isEqualTo(50);
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void theSameHoldKeyReturnsTheFirstHoldAndRefusesOtherTerms() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(50);
		String key = key();
		Instant expiry = Instant.parse("2099-01-01T00:00:00Z");
		Hold first = this.timeBank.hold(passbookOf(volunteer), 10, expiry, "offer:6", key);
		assertThat(this.timeBank.hold(passbookOf(volunteer), 10, expiry, "offer:6", key).id()).isEqualTo(first.id());
		assertThatThrownBy(() -> this.timeBank.hold(passbookOf(volunteer), 12, expiry, "offer:6", key))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
		assertThat(this.timeBank.passbook(this.fixtures.dongting(), volunteer.accountId()).available()).isEqualTo(40);
	}

	private AccountRef passbookOf(TimeBankFixtures.Volunteer volunteer) {
		return AccountRef.passbook(this.fixtures.dongting(), volunteer.accountId());
	}

	private static String key() {
		return "hold-test-" + System.nanoTime();
	}

}
