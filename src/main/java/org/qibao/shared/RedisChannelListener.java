package org.qibao.shared;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.Lifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Listens to a Redis pub/sub channel for as long as the instance runs, and makes sure it still
 * hears it. Messages reach the {@link Receiver} one at a time, in the order they came, on a thread
 * of the listener's own.
 *
 * <ul>
 * <li>While Redis cannot be reached at start-up it tries again every 5 s, so the application starts
 * regardless; a connection lost later is restored by Lettuce and Spring's listener container.</li>
 * <li>A subscription can also go deaf without a word: the container still says it listens while
 * Redis no longer counts it as a receiver (a connection dropped and replaced under it). So every
 * heartbeat the listener sends itself a numbered ping through the channel; when none of its pings
 * has come back for three heartbeats in a row, it logs "… stopped hearing Redis" and subscribes
 * afresh. A ping that is only late (the instance is busy) comes back in order and changes
 * nothing: listening afresh would lose what is published meanwhile.</li>
 * <li>Silence means nothing while the connection factory is not running (the instance is stopping),
 * nor when the ping could not be sent (Redis is away; Lettuce is reconnecting).</li>
 * </ul>
 *
 * A ping is PUBLISHed like any message, which a Redis Cluster carries to every node, and other
 * instances' pings are dropped here, so receivers never see one. Further channels heard through the
 * same subscription may be added and removed while it runs ({@link #listenAlso}); they are
 * subscribed again whenever the listener subscribes afresh.
 */
public final class RedisChannelListener {

	private static final Log log = LogFactory.getLog(RedisChannelListener.class);

	private static final Duration RETRY = Duration.ofSeconds(5);

	/**
	 * Heartbeats in a row with none of its pings heard that make a subscription deaf. A ping that is
	 * merely late (a busy instance, a slow network) comes back in order within them.
	 */
	public static final int DEAF_AFTER_HEARTBEATS = 3;

	/** What the listener hands over. */
	public interface Receiver {

		/** A message published to one of the channels (never a heartbeat). */
		void received(String message);

		/**
		 * Messages may have been lost: the listener subscribed (again), or heard its heartbeat after
		 * missing one or after a silence. Called before {@link RedisChannelListener#hearing()} turns true again.
		 */
		default void mayHaveMissed() {
		}

	}

	private final String name;

	private final RedisConnectionFactory connectionFactory;

	private final StringRedisTemplate redis;

	private final String channel;

	private final Duration heartbeat;

	private final Receiver receiver;

	private final Set<String> further = new LinkedHashSet<>();

	/** Heartbeats and attempts to listen, one at a time. */
	private final ScheduledExecutorService heartbeats;

	/** Hands messages over in order (the container's default starts a thread per message). */
	private final ExecutorService delivery;

	private RedisMessageListenerContainer container;

	/** The container's listener; a new one per container, so a replaced container's news is ignored. */
	private Subscription subscription;

	private final OwnPings pings;

	private int subscriptions;

	/**
	 * A listener to {@code channel} (not listening until {@link #start}), named for its log lines and
	 * threads ("Case updates"), pinging itself every {@code heartbeat}.
	 */
	public RedisChannelListener(String name, RedisConnectionFactory connectionFactory, String channel,
			Duration heartbeat, Receiver receiver) {
		this.name = name;
		this.connectionFactory = connectionFactory;
		this.redis = new StringRedisTemplate(connectionFactory);
		this.channel = channel;
		this.heartbeat = heartbeat;
		this.receiver = receiver;
		this.pings = new OwnPings(heartbeat);
		String threads = name.toLowerCase(Locale.ROOT).replace(' ', '-');
		this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon(threads + "-heartbeat"));
		this.delivery = Executors.newSingleThreadExecutor(daemon(threads + "-listener"));
	}

	/** Listens at once (so a subscriber right after start-up finds it listening), then keeps it up. */
	public void start() {
		listen();
		beat();
	}

	/** Listens from the listener's own thread, so that start-up does not wait while Redis is away. */
	public void startInBackground() {
		this.heartbeats.execute(this::listen);
		beat();
	}

	private void beat() {
		long period = this.heartbeat.toMillis();
		this.heartbeats.scheduleWithFixedDelay(this::checkHearing, period, period, TimeUnit.MILLISECONDS);
	}

	/** Whether it is subscribed, or believes so (false while Redis could not be reached since start-up). */
	public synchronized boolean listening() {
		return this.container != null;
	}

	/** Whether it heard its own heartbeat lately (within three), so it hears what is published. */
	public boolean hearing() {
		return this.pings.hearing();
	}

	/**
	 * Hears one more channel through the same subscription. Fails (with Redis's exception) while it
	 * cannot, or with an {@link IllegalStateException} when not listening.
	 */
	public synchronized void listenAlso(String channel) {
		if (this.container == null) {
			throw new IllegalStateException(this.name + " are not listening to Redis (yet)");
		}
		this.container.addMessageListener(this.subscription, ChannelTopic.of(channel));
		this.further.add(channel);
	}

	/** Stops hearing a channel added by {@link #listenAlso}. */
	public synchronized void stopListening(String channel) {
		if (this.further.remove(channel) && this.container != null) {
			this.container.removeMessageListener(this.subscription, ChannelTopic.of(channel));
		}
	}

	/**
	 * One heartbeat: listens afresh when its pings have gone unheard for
	 * {@value #DEAF_AFTER_HEARTBEATS} heartbeats, then sends the next one. Runs every
	 * heartbeat by itself.
	 */
	public synchronized void checkHearing() {
		if (this.container == null) {
			return; // not listening yet: listen() is trying again on its own
		}
		if (stopping()) {
			return; // its silence means nothing
		}
		if (this.pings.deaf()) {
			log.warn(this.name + " stopped hearing Redis; listening afresh");
			destroyQuietly(this.container);
			this.container = null;
			listen();
		}
		try {
			this.redis.convertAndSend(this.channel, this.pings.next());
			this.pings.wentOut();
		}
		catch (RuntimeException ex) {
			this.pings.nothingToConclude(); // Redis is away
			log.debug(this.name + " could not send a heartbeat: " + ex.getMessage());
		}
	}

	/** Whether the connection factory is not running: the instance is stopping, its connections closing. */
	private boolean stopping() {
		return this.connectionFactory instanceof Lifecycle factory && !factory.isRunning();
	}

	/** Stops hearing the channels while still seeming to listen, as a dropped subscription does. */
	public synchronized void deafen() {
		this.container.removeMessageListener(this.subscription);
	}

	/** How many times it subscribed since it was made. */
	synchronized int subscriptions() {
		return this.subscriptions;
	}

	private synchronized void listen() {
		if (this.container != null || this.heartbeats.isShutdown()) {
			return;
		}
		if (stopping()) {
			listenLater();
			return;
		}
		RedisMessageListenerContainer started = new RedisMessageListenerContainer();
		Subscription listener = new Subscription();
		started.setConnectionFactory(this.connectionFactory);
		started.setTaskExecutor(this.delivery);
		started.setErrorHandler(ex -> {
			log.warn(this.name + " listener failed: " + ex.getMessage());
			unsubscribed(listener);
		});
		started.addMessageListener(listener, ChannelTopic.of(this.channel));
		this.further.forEach(channel -> started.addMessageListener(listener, ChannelTopic.of(channel)));
		try {
			started.afterPropertiesSet();
			started.start();
			this.container = started;
			this.subscription = listener;
			this.subscriptions++;
			this.pings.nothingToConclude(); // pings sent before this subscription cannot come back through it
		}
		catch (RuntimeException ex) {
			log.warn(this.name + " cannot listen to Redis yet, retrying in " + RETRY.toSeconds() + " s: "
					+ ex.getMessage());
			destroyQuietly(started);
			listenLater();
		}
	}

	private void listenLater() {
		try {
			this.heartbeats.schedule(this::listen, RETRY.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed meanwhile: listening no more
		}
	}

	private synchronized void heard(Subscription from, long ping) {
		if (from == this.subscription) {
			this.pings.heard(ping, this.receiver::mayHaveMissed);
		}
	}

	private synchronized void subscribed(Subscription to) {
		if (to == this.subscription) {
			this.receiver.mayHaveMissed();
		}
	}

	private synchronized void unsubscribed(Subscription from) {
		if (from == this.subscription) {
			this.pings.unsubscribed();
		}
	}

	/** Stops listening for good. */
	public void close() {
		this.heartbeats.shutdownNow();
		synchronized (this) {
			destroyQuietly(this.container);
			this.container = null;
		}
		this.delivery.shutdownNow();
	}

	private void destroyQuietly(RedisMessageListenerContainer listener) {
		try {
			if (listener != null) {
				listener.destroy();
			}
		}
		catch (Exception ex) {
			log.debug("Could not stop a listener of " + this.name, ex);
		}
	}

	private static ThreadFactory daemon(String name) {
		return runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	/** The listener of one container. */
	private final class Subscription implements MessageListener, SubscriptionListener {

		@Override
		public void onMessage(Message message, byte[] pattern) {
			String text = new String(message.getBody(), StandardCharsets.UTF_8);
			if (!text.startsWith(OwnPings.PREFIX)) {
				RedisChannelListener.this.receiver.received(text);
				return;
			}
			long ping = RedisChannelListener.this.pings.own(text);
			if (ping > 0) {
				heard(this, ping);
			}
		}

		/** Subscribed, for the first time or again after a reconnect: what was published meanwhile is lost. */
		@Override
		public void onChannelSubscribed(byte[] channel, long count) {
			if (isOwn(channel)) {
				subscribed(this);
			}
		}

		@Override
		public void onChannelUnsubscribed(byte[] channel, long count) {
			if (isOwn(channel)) {
				unsubscribed(this);
			}
		}

		private boolean isOwn(byte[] channel) {
			return RedisChannelListener.this.channel.equals(new String(channel, StandardCharsets.UTF_8));
		}

	}

}
