package org.qibao;

import org.qibao.shared.RedisChannelListener;

/** A listener's heartbeats driven by a test, instead of waited for. */
public final class Heartbeats {

	private Heartbeats() {
	}

	/** Two heartbeats: the first pings, the second finds whether the ping came back and listens afresh if not. */
	public static void twice(RedisChannelListener listener) throws InterruptedException {
		listener.checkHearing();
		Thread.sleep(500);
		listener.checkHearing();
	}

}
