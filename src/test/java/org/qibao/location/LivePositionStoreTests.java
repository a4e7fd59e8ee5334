package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qibao.identity.Accounts;
import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.qibao.location.LivePositionStore.Stored;
import org.qibao.location.LivePositionStore.Written;
import org.qibao.shared.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's one script run: all of a report lands together, nothing lands after check-out, and
 * nothing lands when the position it was filtered against is no longer the check-in's last.
 */
@LocationTest
class LivePositionStoreTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	TestCheckIns checkIns;

	@Autowired
	LivePositionStore store;

	@Autowired
	LiveMap liveMap;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void aReportWritesTheLiveMapCoverageTrackAndCountersEachWithAnExpiry() {
		ActiveCheckIn checkIn = checkIn();
		LiveKeys keys = new LiveKeys(checkIn.communityId());
		String id = Long.toString(checkIn.checkInId());

		assertThat(this.store.store(stored(checkIn, 19))).isEqualTo(Written.STORED);

		assertThat(this.redis.opsForGeo().position(keys.geo(), id)).hasSize(1).doesNotContainNull();
		assertThat(this.redis.opsForZSet().score(keys.seen(), id)).isNotNull();
		assertThat(this.redis.opsForHash().get(keys.patrollers(), id)).isNotNull();
		assertThat(this.redis.opsForValue().getBit(keys.coverage(checkIn.checkInId()), 19)).isTrue();
		assertThat(this.redis.opsForList().size(keys.track(checkIn.checkInId()))).isEqualTo(1);
		assertThat(this.redis.opsForHash().get(keys.counts(checkIn.checkInId()), "accepted")).isEqualTo("1");
		for (String key : List.of(keys.geo(), keys.seen(), keys.patrollers(), keys.coverage(checkIn.checkInId()),
				keys.track(checkIn.checkInId()), keys.counts(checkIn.checkInId()))) {
			assertThat(this.redis.getExpire(key)).as(key).isPositive();
		}
	}

	@Test
	void aReportFiledAfterTheCheckOutWritesNothing() {
		ActiveCheckIn checkIn = checkIn();
		LiveKeys keys = new LiveKeys(checkIn.communityId());
		String id = Long.toString(checkIn.checkInId());
		// the check-out lands between the report's read of the live map and its write, before the position was taken
		this.liveMap.remove(checkIn.communityId(), checkIn.checkInId(), checkIn.windowStart().plusSeconds(60), null);

		assertThat(this.store.store(stored(checkIn, 19))).isEqualTo(Written.CLOSED);

		assertThat(this.redis.opsForZSet().score(keys.seen(), id)).isNull();
		assertThat(this.redis.opsForHash().get(keys.patrollers(), id)).isNull();
		assertThat(this.redis.hasKey(keys.coverage(checkIn.checkInId()))).isFalse();
		assertThat(this.redis.hasKey(keys.track(checkIn.checkInId()))).isFalse();
		assertThat(this.redis.hasKey(keys.counts(checkIn.checkInId()))).isFalse();
	}

	@Test
	void aCheckOutsClosedMarkExpiresWithTheLiveMapEvenAsTheFirstEntry() {
		ActiveCheckIn checkIn = checkIn();
		LiveKeys keys = new LiveKeys(checkIn.communityId());
		this.redis.persist(keys.patrollers()); // as if the mark were the first entry: no TTL yet

		this.liveMap.remove(checkIn.communityId(), checkIn.checkInId(), Instant.now(), null);

		assertThat(this.redis.opsForHash().hasKey(keys.patrollers(), LiveKeys.closedField(checkIn.checkInId()))).isTrue();
		assertThat(this.redis.getExpire(keys.patrollers())).isPositive();
	}

	@Test
	void aReportIsFiledAgainAgainstThePositionAnotherInstanceStored(@Autowired PositionReporting reporting) {
		ActiveCheckIn checkIn = checkIn();
		LiveKeys keys = new LiveKeys(checkIn.communityId());
		GeoPoint here = new GeoPoint(Patrol.IN_DT01[0], Patrol.IN_DT01[1]);
		Instant first = Instant.now().minus(Duration.ofMinutes(3));
		reporting.report(checkIn.accountId(), null, List.of(new PositionReport(here, 10, first, null, null))).join();
		// another instance stores a newer position, which this instance does not know of
		Stored elsewhere = stored(checkIn, 19);
		this.store.store(elsewhere);

		// newer than what this instance stored, older than what the other one did
		PositionReporting.Outcome outcome = reporting.report(checkIn.accountId(), null,
				List.of(new PositionReport(here, 10, first.plusSeconds(30), null, null))).join();

		// the store finds the live map changed and writes nothing; filed again, the report is older
		// than the other instance's position, so that one stays the last, and the phone hears so
		assertThat(outcome.accepted()).isZero();
		assertThat(outcome.dropped()).containsEntry(DropReason.DUPLICATE, 1);
		assertThat(this.redis.opsForList().size(keys.track(checkIn.checkInId()))).isEqualTo(2);
		assertThat(this.redis.opsForZSet().score(keys.seen(), Long.toString(checkIn.checkInId())))
			.isEqualTo((double) elsewhere.latest().recordedAt().toEpochMilli());

		// the next report is filed against the other instance's position, and stored
		PositionReporting.Outcome next = reporting.report(checkIn.accountId(), null,
				List.of(new PositionReport(here, 10, elsewhere.latest().recordedAt().plusSeconds(15), null, null))).join();
		assertThat(next.accepted()).isOne();
		assertThat(this.redis.opsForList().size(keys.track(checkIn.checkInId()))).isEqualTo(3);
	}

	private ActiveCheckIn checkIn() {
		Patrol patrol = new Patrol(this.port, this.jdbc, this.accounts, this.checkIns);
		return patrol.checkedIn("店小二").checkIn;
	}

	@Test
	void aReportFiledAgainstAPositionThatIsNoLongerTheLastWritesNothing() {
		ActiveCheckIn checkIn = checkIn();
		LiveKeys keys = new LiveKeys(checkIn.communityId());
		Stored first = stored(checkIn, 10);
		Stored second = stored(checkIn, 11);
		this.store.store(first);
		// another instance stored the second meanwhile
		this.store.storeLater(second, first.latest()).join();

		assertThat(this.store.storeLater(stored(checkIn, 12), first.latest()).join()).isEqualTo(Written.MOVED);

		assertThat(this.redis.opsForList().size(keys.track(checkIn.checkInId()))).isEqualTo(2);
		assertThat(this.store.storeLater(stored(checkIn, 12), second.latest()).join()).isEqualTo(Written.STORED);
		assertThat(this.redis.opsForList().size(keys.track(checkIn.checkInId()))).isEqualTo(3);
	}

	@Test
	void aReportFiledAgainstAPositionThatDroppedOffTheMapWritesNothing() {
		ActiveCheckIn checkIn = checkIn();
		Stored first = stored(checkIn, 10);
		this.store.store(first);
		this.redis.opsForZSet().remove(new LiveKeys(checkIn.communityId()).seen(), Long.toString(checkIn.checkInId()));

		assertThat(this.store.storeLater(stored(checkIn, 11), first.latest()).join()).isEqualTo(Written.MOVED);
	}

	private static Stored stored(ActiveCheckIn checkIn, int minute) {
		Instant at = checkIn.windowStart().plus(Duration.ofMinutes(minute)).plusSeconds(30);
		GeoPoint position = new GeoPoint(Patrol.IN_DT01[0], Patrol.IN_DT01[1]);
		LivePatroller latest = new LivePatroller(checkIn.checkInId(), checkIn.accountId(), checkIn.teamId(),
				checkIn.communityId(), checkIn.gridIds(), checkIn.gridIds().get(0), position, 10, at, null, null, true,
				false, null);
		return new Stored(checkIn, List.of(new TrackPoint(position, 10, at, true)), List.of(minute), latest, 0, 0);
	}

}
