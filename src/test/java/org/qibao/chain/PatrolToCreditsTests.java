package org.qibao.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.MovableClock;
import org.qibao.QibaoTest;
import org.qibao.chain.Neighbourhood.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.qibao.chain.Neighbourhood.BATCH;
import static org.qibao.chain.Neighbourhood.CHECK_IN;
import static org.qibao.chain.Neighbourhood.CHECK_OUT;
import static org.qibao.chain.Neighbourhood.CODE_REQUEST;
import static org.qibao.chain.Neighbourhood.CONFIRM;
import static org.qibao.chain.Neighbourhood.OFFER_CREATE;
import static org.qibao.chain.Neighbourhood.PASSBOOK;
import static org.qibao.chain.Neighbourhood.REPORT;
import static org.qibao.chain.Neighbourhood.SHIFT_CREATE;
import static org.qibao.chain.Neighbourhood.SIGN_UP;

/**
 * The patrol-to-credits chain, end to end on the real application with PostgreSQL and Redis and no
 * test double anywhere: a captain plans a shift, a volunteer signs up, checks in on the spot,
 * reports positions (live, and held ones sent later in a batch), checks out; the coverage Redis
 * kept verifies the minutes, the time bank credits them, and they are spent at a shop whose staff
 * confirms the code. Everything the people do goes through GraphQL.
 * <p>
 * A minute is only verified once it has passed: the test moves the application's clock on through
 * the minute of patrol rather than waiting for it. The context, whose clock has run ahead, is closed
 * after the test, so that its scheduled jobs do not act early on the other tests' patrols.
 */
@QibaoTest
@Import(MovableClock.Configuration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PatrolToCreditsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MovableClock clock;

	@Test
	void aMinuteOfPatrolIsVerifiedCreditedAndSpentAtTheBarber() throws Exception {
		Neighbourhood place = new Neighbourhood(this.context, this.port);
		Person volunteer = place.member("巡逻志愿者");
		String offerId = (String) ((Map<?, ?>) place.staff.must(OFFER_CREATE, "offerCreate", Neighbourhood.offer(place, 1)).get("offer")).get("id");

		// the shift starts a few seconds after it is planned: the volunteer checks in before it starts, on the spot
		Instant start = this.clock.instant().plusSeconds(3);
		String shiftId = (String) ((Map<?, ?>) place.captain.must(SHIFT_CREATE, "shiftCreate",
				Neighbourhood.shift(place, start, Duration.ofHours(1))).get("shift")).get("id");
		assertThat(volunteer.must(SIGN_UP, "shiftSignUp", Map.of("shiftId", shiftId))).extracting("signup").extracting("status")
			.isEqualTo("CONFIRMED");
		volunteer.must(CHECK_IN, "shiftCheckIn", Neighbourhood.onTheSpot(shiftId));

		// one live report soon after the start; three more the phone held (a dead zone) and sends later in one batch
		this.clock.moveTo(start.plusSeconds(2));
		assertThat(volunteer.must(REPORT, "positionReport", Map.of("position", Map.of("longitude", 114.3530, "latitude", 30.5675),
				"accuracy", 8.0, "recordedAt", this.clock.instant().toString()))).containsEntry("accepted", 1);
		this.clock.moveTo(start.plusSeconds(50));
		Map<String, Object> batch = volunteer.must(BATCH, "positionReportBatch", Map.of("reports",
				List.of(Neighbourhood.position(start.plusSeconds(15)), Neighbourhood.position(start.plusSeconds(30)),
						Neighbourhood.position(start.plusSeconds(45)))));
		assertThat(batch).containsEntry("accepted", 3);

		// a minute and a bit after the start: check out, the minute is verified from the positions Redis kept
		this.clock.moveTo(start.plusSeconds(62));
		GraphQlTester.Response out = volunteer.send(CHECK_OUT, Neighbourhood.onTheSpot(shiftId));
		out.path("shiftCheckOut.userErrors").entityList(Object.class).hasSize(0);
		out.path("shiftCheckOut.checkIn.closedHow").entity(String.class).isEqualTo("SELF");
		out.path("shiftCheckOut.checkIn.attendance.status").entity(String.class).isEqualTo("VERIFIED");
		out.path("shiftCheckOut.checkIn.attendance.checkedInMinutes").entity(Integer.class).isEqualTo(1);
		out.path("shiftCheckOut.checkIn.attendance.coveredMinutes").entity(Integer.class).isEqualTo(1);
		out.path("shiftCheckOut.checkIn.attendance.verifiedMinutes").entity(Integer.class).isEqualTo(1);

		// the time bank credits it (after the attendance's transaction): the passbook shows it
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> volunteer.phoneClient.document(PASSBOOK).execute()
			.path("passbook.balance").entity(Integer.class).isEqualTo(1));
		volunteer.phoneClient.document(PASSBOOK).execute()
			.path("passbook.entries.nodes[0].kind").entity(String.class).isEqualTo("PATROL_EARNING")
			.path("passbook.entries.nodes[0].minutes").entity(Integer.class).isEqualTo(1);

		// and tells the volunteer so, in the credit's transaction: one unread notice, about the patrol's team
		volunteer.phoneClient.document("{ myNotifications { unreadCount nodes { kind message read team { name } } } }").execute()
			.path("myNotifications.unreadCount").entity(Integer.class).isEqualTo(1)
			.path("myNotifications.nodes[*].kind").entityList(String.class).containsExactly("PATROL_MINUTES_CREDITED")
			.path("myNotifications.nodes[0].read").entity(Boolean.class).isEqualTo(false)
			.path("myNotifications.nodes[0].team.name").entity(String.class).satisfies(team -> assertThat(team).isNotBlank())
			.path("myNotifications.nodes[0].message").entity(String.class).satisfies(m -> assertThat(m).startsWith("Your passbook was credited 1 minute for your patrol with"));

		// gamification recognises the same verified minute: a point, the first-patrol badge, a rank
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> volunteer.phoneClient
			.document("{ gamification { points } }").execute()
			.path("gamification.points").entity(Integer.class).isEqualTo(1));
		volunteer.phoneClient.document("{ gamification { badges { badge { key } } ranks { scope period rank } } }").execute()
			.path("gamification.badges[*].badge.key").entityList(String.class).containsExactly("first-patrol")
			.path("gamification.ranks[*].rank").entityList(Integer.class).satisfies(ranks -> assertThat(ranks).isNotEmpty());

		// spent at the barber: the volunteer asks for a code, the staff confirms it, the minute moves once
		Map<?, ?> code = (Map<?, ?>) volunteer.must(CODE_REQUEST, "redemptionCodeRequest", Neighbourhood.codeFor(offerId)).get("redemption");
		volunteer.phoneClient.document(PASSBOOK).execute()
			.path("passbook.heldMinutes").entity(Integer.class).isEqualTo(1)
			.path("passbook.available").entity(Integer.class).isEqualTo(0);
		assertThat(place.staff.must(CONFIRM, "redemptionConfirm", Map.of("code", code.get("code")))).extracting("redemption")
			.extracting("status").isEqualTo("REDEEMED");
		volunteer.phoneClient.document(PASSBOOK).execute()
			.path("passbook.balance").entity(Integer.class).isEqualTo(0)
			.path("passbook.heldMinutes").entity(Integer.class).isEqualTo(0)
			.path("passbook.entries.nodes[0].kind").entity(String.class).isEqualTo("MERCHANT_REDEMPTION")
			.path("passbook.entries.nodes[0].minutes").entity(Integer.class).isEqualTo(-1);
		place.staff.phoneClient.document("""
				query($m: ID!) { merchantSettlement(merchantId: $m) { redemptions minutes } merchantRedemptions(merchantId: $m) { code } }""")
			.variable("m", place.shopId())
			.execute()
			.path("merchantSettlement.minutes").entity(Integer.class).isEqualTo(1)
			.path("merchantRedemptions[*].code").entityList(String.class).containsExactly((String) code.get("code"));

		// and underneath, the ledger still balances
		Clients.signedIn(this.port, Clients.ADMINISTRATOR_PHONE).document("query { ledgerCheck { healthy breaches { code detail } } }")
			.execute()
			.path("ledgerCheck.healthy").entity(Boolean.class).isEqualTo(true);
	}

}
