package org.qibao;

import org.qibao.shared.RedisChannelListener;

/** A listener's heartbeats driven by a test, instead of waited for. */
public final class Heartbeats {

	private Heartbeats() {
	}

	/**
	 * As many heartbeats as finding a deaf subscription takes: the first pings, each later one looks
	 * whether a ping came back, and the last listens afresh when none did.
	 */
	public static void enough(RedisChannelListener listener) throws InterruptedException {
		listener.checkHearing();
		for (int beat = 0; beat < RedisChannelListener.DEAF_AFTER_HEARTBEATS; beat++) {
			Thread.sleep(300);
			listener.checkHearing();
		}
	}

}
