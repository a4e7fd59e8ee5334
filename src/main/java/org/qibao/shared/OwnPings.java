package org.qibao.shared;

import java.time.Duration;
import java.util.UUID;

/**
 * The numbered pings a {@link RedisChannelListener} sends itself, and what their coming back says:
 * whether the subscription went deaf, whether it hears lately, and whether a message may have been
 * missed in between. Not thread-safe: the listener calls it under its own lock.
 */
final class OwnPings {

	/** What every ping starts with, so that listeners drop the pings of other instances too. */
	static final String PREFIX = "heartbeat ";

	/** Own pings unheard for this many heartbeats mean messages may be going unheard. */
	private static final int HEARD_WITHIN_HEARTBEATS = 3;

	private static final int DEAF_AFTER_HEARTBEATS = RedisChannelListener.DEAF_AFTER_HEARTBEATS;

	/** Tells this listener's pings from those of other instances on the channel. */
	private final String own = PREFIX + UUID.randomUUID() + " ";

	private final long heardWithinNanos;

	private long sent;

	/** The last ping that went out (0 when it could not be sent: nothing to conclude from silence). */
	private long lastSent;

	private long lastHeard;

	/** The last ping heard when the previous heartbeat looked, and the heartbeats since then with none heard. */
	private long heardAtLastLook;

	private int silentHeartbeats;

	private volatile long heardAt;

	private volatile boolean heard;

	OwnPings(Duration heartbeat) {
		this.heardWithinNanos = heartbeat.toNanos() * HEARD_WITHIN_HEARTBEATS;
	}

	/** The text of the next ping. */
	String next() {
		return this.own + (++this.sent);
	}

	/** The last ping from {@link #next} went out. */
	void wentOut() {
		this.lastSent = this.sent;
	}

	/** The last ping could not be sent, or was sent before the subscription it should come back through. */
	void nothingToConclude() {
		this.lastSent = 0;
		this.silentHeartbeats = 0;
	}

	/**
	 * One heartbeat's look: whether pings that went out have gone unheard for
	 * {@value RedisChannelListener#DEAF_AFTER_HEARTBEATS} heartbeats in a row, so the subscription is deaf rather than late.
	 */
	boolean deaf() {
		if (this.lastSent == 0 || this.lastHeard >= this.lastSent || this.lastHeard > this.heardAtLastLook) {
			this.silentHeartbeats = 0; // nothing out there, all back, or still coming back: late at worst
		}
		else {
			this.silentHeartbeats++;
		}
		this.heardAtLastLook = this.lastHeard;
		return this.silentHeartbeats >= DEAF_AFTER_HEARTBEATS;
	}

	/** The number of an own ping in {@code text}, or -1 when it is another instance's (or unreadable). */
	long own(String text) {
		if (!text.startsWith(this.own)) {
			return -1;
		}
		try {
			return Long.parseLong(text.substring(this.own.length()));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Ping {@code number} came back; {@code whenMissed} runs first if messages may have been missed
	 * before it: it was not hearing, or a ping before it never came back.
	 */
	void heard(long number, Runnable whenMissed) {
		boolean missed = !hearing() || number > this.lastHeard + 1;
		if (missed) {
			whenMissed.run(); // before hearing() says true again
		}
		this.lastHeard = Math.max(this.lastHeard, number);
		this.heardAt = System.nanoTime();
		this.heard = true;
	}

	/** The subscription ended or failed: not hearing until a ping comes back. */
	void unsubscribed() {
		this.heard = false;
	}

	/** Whether an own ping came back within the last three heartbeats. */
	boolean hearing() {
		return this.heard && System.nanoTime() - this.heardAt < this.heardWithinNanos;
	}

}
