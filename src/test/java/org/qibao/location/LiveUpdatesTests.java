package org.qibao.location;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.qibao.location.LiveUpdates.LiveUpdate;
import org.qibao.shared.GeoPoint;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;

/** How updates reach subscribers once they arrive from Redis: each at its own pace, each only its community. */
class LiveUpdatesTests {

	private final LiveUpdates updates = new LiveUpdates(null);

	@Test
	void aSlowSubscriberDoesNotHoldUpAFastOne() throws Exception {
		CountDownLatch fastGotAll = new CountDownLatch(500);
		AtomicInteger slowGot = new AtomicInteger();
		Disposable slow = this.updates.of(42).subscribe(update -> {
			slowGot.incrementAndGet();
			sleep(200);
		});
		Disposable fast = this.updates.of(42).subscribe(update -> fastGotAll.countDown());
		try {
			long started = System.nanoTime();
			// 500 updates a second: a busy community's whole patrol reporting at once
			for (int i = 0; i < 500; i++) {
				this.updates.emit(update(42, i));
				sleep(1);
			}
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("emitting never waits for a subscriber")
				.isLessThan(Duration.ofSeconds(5));
			assertThat(fastGotAll.await(5, TimeUnit.SECONDS)).as("the fast subscriber got every update").isTrue();
			assertThat(slowGot.get()).as("the slow one is still on its first few").isLessThan(50);
		}
		finally {
			slow.dispose();
			fast.dispose();
		}
	}

	@Test
	void aSubscriberGetsOnlyItsCommunity() throws Exception {
		CountDownLatch got = new CountDownLatch(1);
		AtomicInteger others = new AtomicInteger();
		Disposable subscription = this.updates.of(7).subscribe(update -> {
			if (update.patroller().communityId() != 7) {
				others.incrementAndGet();
			}
			got.countDown();
		});
		try {
			this.updates.emit(update(8, 1));
			this.updates.emit(update(7, 2));
			assertThat(got.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(others.get()).isZero();
		}
		finally {
			subscription.dispose();
		}
	}

	private static LiveUpdate update(long community, int n) {
		return new LiveUpdate(new LivePatroller(n, 1, 2, community, List.of(3L), 3L, new GeoPoint(114.353, 30.5675), 10,
				Instant.now(), null, null, true, false, null), false);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
