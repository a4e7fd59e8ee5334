package org.qibao.timebank;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qibao.Bursts;
import org.qibao.QibaoTest;
import org.qibao.identity.Accounts;
import org.qibao.shared.AdministrativeAction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qibao.timebank.CorrectionDesk.codes;
import static org.qibao.timebank.CorrectionDesk.correction;
import static org.qibao.timebank.CorrectionDesk.entries;

/**
 * Administrators correct the ledger by new transfers, never by edits: adjustments up to the
 * threshold at once, above it with a second administrator's approval; reversals at most once.
 */
@QibaoTest
@Import(AdministrativeActionsRecorded.class)
class LedgerCorrectionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	PatrolEarnings earnings;

	@Autowired
	Courses courses;

	@Autowired
	TimeBank timeBank;

	private TimeBankFixtures fixtures;

	private CorrectionDesk first;

	private CorrectionDesk second;

	@BeforeEach
	void twoAdministratorsOfDongting() {
		this.fixtures = new TimeBankFixtures(this.accounts, this.earnings, this.courses, this.jdbc);
		this.first = CorrectionDesk.administrator(this.accounts, this.port, this.fixtures.dongting());
		this.second = CorrectionDesk.administrator(this.accounts, this.port, this.fixtures.dongting());
	}

	@AfterEach
	void theLedgerStaysSound() {
		assertThat(this.fixtures.breaches(this.timeBank)).isEmpty();
	}

	@Test
	void anAdjustmentAtTheThresholdIsAppliedAtOnceAndShownWithItsReason() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(30);
		Map<String, Object> payload = this.first.adjust(volunteer.accountId(), "CREDIT", 120, "漏记的巡逻时间");
		assertThat(codes(payload)).isEmpty();
		assertThat(correction(payload)).containsEntry("status", "APPLIED").containsEntry("needsApproval", false)
			.containsEntry("passbookMinutes", 120);
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(150);
		Map<String, Object> line = entries(this.first.passbook(volunteer.phone())).get(0);
		assertThat(line).containsEntry("kind", "ADJUSTMENT").containsEntry("minutes", 120).containsEntry("balanceAfter", 150)
			.containsEntry("reason", "漏记的巡逻时间");
	}

	@Test
	void anAdjustmentAboveTheThresholdWaitsForASecondAdministrator() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		Map<String, Object> asked = correction(this.first.adjust(volunteer.accountId(), "CREDIT", 121, "补记活动时间"));
		assertThat(asked).containsEntry("status", "PENDING").containsEntry("needsApproval", true).containsEntry("decidedBy", null);
		assertThat(this.fixtures.balance(volunteer)).isZero();
		String id = (String) asked.get("id");
		assertThat(this.second.corrections("PENDING")).extracting(c -> c.get("id")).contains(id);

		assertThat(codes(this.first.approve(id))).containsExactly("OWN_CORRECTION");
		assertThat(this.fixtures.balance(volunteer)).isZero();

		Map<String, Object> approved = correction(this.second.approve(id));
		assertThat(approved).containsEntry("status", "APPLIED").containsEntry("decidedBy", Map.of("displayName", "更正管理员"));
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(121);
		assertThat(this.second.corrections("PENDING")).extracting(c -> c.get("id")).doesNotContain(id);
		assertThat(entries(this.second.passbook(volunteer.phone())).get(0)).containsEntry("reason", "补记活动时间");
	}

	@Test
	void aRefusedCorrectionMovesNothingAndIsDecidedOnce() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		String id = (String) correction(this.first.adjust(volunteer.accountId(), "CREDIT", 200, "重复申请")).get("id");
		assertThat(correction(this.second.refuse(id))).containsEntry("status", "REFUSED");
		assertThat(codes(this.second.approve(id))).containsExactly("CORRECTION_ALREADY_DECIDED");
		assertThat(codes(this.first.refuse(id))).containsExactly("CORRECTION_ALREADY_DECIDED");
		assertThat(this.fixtures.balance(volunteer)).isZero();
		assertThat(this.first.corrections("REFUSED")).extracting(c -> c.get("id")).contains(id);
	}

	@Test
	void aDebitBeyondThePassbookIsRefusedWithWhatIsAvailable() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(50);
		Map<String, Object> payload = this.first.adjust(volunteer.accountId(), "DEBIT", 60, "多记了");
		assertThat(codes(payload)).containsExactly("WOULD_OVERDRAW");
		assertThat(CorrectionDesk.message(payload)).contains("50");
		assertThat(correction(payload)).isNull();
		assertThat(correctionsOf(volunteer)).isZero();
		assertThat(correction(this.first.adjust(volunteer.accountId(), "DEBIT", 50, "多记了"))).containsEntry("status", "APPLIED");
		assertThat(this.fixtures.balance(volunteer)).isZero();
	}

	@Test
	void aPendingDebitTheVolunteerHasSpentMeanwhileIsRefusedAtApproval() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(300);
		String id = (String) correction(this.first.adjust(volunteer.accountId(), "DEBIT", 250, "误记的巡逻")).get("id");
		this.first.adjust(volunteer.accountId(), "DEBIT", 100, "另一处误记");
		Map<String, Object> payload = this.second.approve(id);
		assertThat(codes(payload)).containsExactly("WOULD_OVERDRAW");
		assertThat(CorrectionDesk.message(payload)).contains("200");
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(200);
		assertThat(this.second.corrections("PENDING")).extracting(c -> c.get("id")).contains(id);
	}

	@Test
	void anAdministratorNeverCorrectsTheirOwnPassbook() {
		this.accounts.grant(this.first.accountId, org.qibao.identity.Role.VOLUNTEER, this.fixtures.dongting());
		assertThat(codes(this.first.adjust(this.first.accountId, "CREDIT", 60, "给自己加"))).containsExactly("OWN_PASSBOOK");
		String other = (String) correction(this.second.adjust(this.first.accountId, "CREDIT", 500, "补记")).get("id");
		assertThat(codes(this.first.approve(other))).containsExactly("OWN_PASSBOOK");
		assertThat(this.jdbc.sql("SELECT coalesce(max(balance), 0) FROM ledger_account WHERE kind = 'PASSBOOK' AND owner_id = ?")
			.param(this.first.accountId).query(Long.class).single()).isZero();
	}

	@Test
	void badInputIsRefusedAndChangesNothing() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		long rows = allCorrections();
		assertThat(codes(this.first.adjust(volunteer.accountId(), "CREDIT", 10, "   "))).containsExactly("REASON_REQUIRED");
		assertThat(codes(this.first.adjust(volunteer.accountId(), "CREDIT", 10, "x".repeat(201)))).containsExactly("REASON_TOO_LONG");
		assertThat(codes(this.first.adjust(volunteer.accountId(), "CREDIT", 0, "零"))).containsExactly("INVALID_AMOUNT");
		assertThat(codes(this.first.adjust(volunteer.accountId(), "DEBIT", -5, "负数"))).containsExactly("INVALID_AMOUNT");
		assertThat(codes(this.first.adjust(volunteer.accountId(), "CREDIT", 6001, "太多"))).containsExactly("CORRECTION_TOO_LARGE");
		assertThat(codes(this.first.adjust(this.second.accountId, "CREDIT", 10, "不是志愿者"))).containsExactly("VOLUNTEER_NOT_FOUND");
		assertThat(codes(this.first.reverse(transferOf(volunteer), ""))).containsExactly("REASON_REQUIRED");
		assertThat(allCorrections()).isEqualTo(rows);
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(100);
	}

	@Test
	void repeatingAnAdjustmentsKeyReturnsTheFirstAndMovesOnce() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		Map<String, Object> once = correction(this.first.adjust(volunteer.accountId(), "CREDIT", 30, "补记", "same-key-1234"));
		Map<String, Object> again = correction(this.first.adjust(volunteer.accountId(), "CREDIT", 30, "补记", "same-key-1234"));
		assertThat(again.get("id")).isEqualTo(once.get("id"));
		assertThat(codes(this.first.adjust(volunteer.accountId(), "CREDIT", 31, "补记", "same-key-1234")))
			.containsExactly("IDEMPOTENCY_KEY_REUSED");
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(30);
	}

	@Test
	void aTransferIsReversedOnceByANewTransferAndAReversalIsNotReversedAgain() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		String earning = transferOf(volunteer);
		Map<String, Object> reversal = correction(this.first.reverse(earning, "签到作弊"));
		assertThat(reversal).containsEntry("kind", "REVERSAL").containsEntry("status", "APPLIED")
			.containsEntry("passbookMinutes", -100).containsEntry("reversedTransferId", earning);
		assertThat(this.fixtures.balance(volunteer)).isZero();
		List<Map<String, Object>> lines = entries(this.first.passbook(volunteer.phone()));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).containsEntry("kind", "REVERSAL").containsEntry("minutes", -100).containsEntry("reason", "签到作弊");
		assertThat(lines.get(1)).containsEntry("kind", "PATROL_EARNING").containsEntry("reason", null);

		assertThat(codes(this.second.reverse(earning, "再来一次"))).containsExactly("ALREADY_REVERSED");
		assertThat(codes(this.second.reverse((String) lines.get(0).get("transferId"), "冲正冲正")))
			.containsExactly("REVERSAL_NOT_REVERSIBLE");
		assertThat(this.fixtures.balance(volunteer)).isZero();
	}

	@Test
	void reversingMinutesTheVolunteerHasSpentIsRefused() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		String earning = transferOf(volunteer);
		this.first.adjust(volunteer.accountId(), "DEBIT", 60, "已兑换");
		Map<String, Object> payload = this.second.reverse(earning, "签到作弊");
		assertThat(codes(payload)).containsExactly("WOULD_OVERDRAW");
		assertThat(CorrectionDesk.message(payload)).contains("40");
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(40);
	}

	@Test
	void aReversalAboveTheThresholdWaitsAndAnotherIsNotAskedMeanwhile() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(200);
		String earning = transferOf(volunteer);
		String id = (String) correction(this.first.reverse(earning, "重复记账")).get("id");
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(200);
		assertThat(codes(this.second.reverse(earning, "重复记账"))).containsExactly("REVERSAL_PENDING");
		assertThat(correction(this.second.approve(id))).containsEntry("status", "APPLIED");
		assertThat(this.fixtures.balance(volunteer)).isZero();
	}

	@Test
	void aBurstOfReversalsOfOneTransferReversesItExactlyOnce() throws Exception {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(100);
		String earning = transferOf(volunteer);
		List<List<String>> outcomes = Bursts.race(6, i -> () -> codes((i % 2 == 0 ? this.first : this.second).reverse(earning, "并发冲正")));
		assertThat(outcomes).filteredOn(List::isEmpty).hasSize(1);
		assertThat(outcomes).filteredOn(c -> !c.isEmpty()).allSatisfy(c -> assertThat(c).containsExactly("ALREADY_REVERSED"));
		assertThat(this.fixtures.balance(volunteer)).isZero();
		assertThat(correctionsOf(volunteer)).isEqualTo(1);
	}

	@Test
	void aBurstOfApprovalsAppliesAPendingCorrectionExactlyOnce() throws Exception {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(0);
		CorrectionDesk third = CorrectionDesk.administrator(this.accounts, this.port, this.fixtures.dongting());
		String id = (String) correction(this.first.adjust(volunteer.accountId(), "CREDIT", 500, "补记一整月")).get("id");
		List<List<String>> outcomes = Bursts.race(6, i -> () -> codes((i % 2 == 0 ? this.second : third).approve(id)));
		assertThat(outcomes).filteredOn(List::isEmpty).hasSize(1);
		assertThat(outcomes).filteredOn(c -> !c.isEmpty()).allSatisfy(c -> assertThat(c).containsExactly("CORRECTION_ALREADY_DECIDED"));
		assertThat(this.fixtures.balance(volunteer)).isEqualTo(500);
		assertThat(this.jdbc.sql("SELECT count(*) FROM ledger_transfer WHERE reference = ?")
			.param("correction:" + org.qibao.shared.GlobalId.keyOf(id, "LedgerCorrection")).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void everyRequestApprovalAndRefusalIsPublishedWithBalancesAndReason() {
		TimeBankFixtures.Volunteer volunteer = this.fixtures.volunteer(10);
		String id = (String) correction(this.first.adjust(volunteer.accountId(), "CREDIT", 130, "补记")).get("id");
		this.second.approve(id);
		String refused = (String) correction(this.first.adjust(volunteer.accountId(), "CREDIT", 300, "弄错了")).get("id");
		this.second.refuse(refused);

		List<AdministrativeAction> asked = AdministrativeActionsRecorded.by(this.first.accountId);
		assertThat(asked).extracting(AdministrativeAction::action).containsExactly("timebank.passbookAdjust", "timebank.passbookAdjust");
		assertThat(asked.get(0).before()).containsEntry("status", null).containsEntry("toBalance", 10L);
		assertThat(asked.get(0).after()).containsEntry("status", "PENDING").containsEntry("reason", "补记")
			.containsEntry("minutes", 130L).containsEntry("toBalance", 10L);
		List<AdministrativeAction> decided = AdministrativeActionsRecorded.by(this.second.accountId);
		assertThat(decided).extracting(AdministrativeAction::action)
			.containsExactly("timebank.ledgerCorrectionApprove", "timebank.ledgerCorrectionRefuse");
		assertThat(decided.get(0).subjectType()).isEqualTo("LedgerCorrection");
		assertThat(decided.get(0).communityId()).isEqualTo(this.fixtures.dongting());
		assertThat(decided.get(0).before()).containsEntry("status", "PENDING").containsEntry("toBalance", 10L);
		assertThat(decided.get(0).after()).containsEntry("status", "APPLIED").containsEntry("toBalance", 140L);
		assertThat(decided.get(1).after()).containsEntry("status", "REFUSED").containsEntry("toBalance", 140L);
	}

	private String transferOf(TimeBankFixtures.Volunteer volunteer) {
		List<Map<String, Object>> lines = entries(this.first.passbook(volunteer.phone()));
		return (String) lines.get(lines.size() - 1).get("transferId");
	}

	private long correctionsOf(TimeBankFixtures.Volunteer volunteer) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_correction WHERE passbook_owner_id = ?")
			.param(volunteer.accountId())
			.query(Long.class)
			.single();
	}

	private long allCorrections() {
		return this.jdbc.sql("SELECT count(*) FROM ledger_correction").query(Long.class).single();
	}

}
