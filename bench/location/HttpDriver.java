package org.qibao.bench;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Sends the load over keep-alive HTTP/1.1 connections from a single Netty event-loop thread, one
 * request in flight per connection. The driver shares the machine's two cores with the server, so
 * it must cost as little per request as it can: a thread per request in flight, as with the JDK's
 * client, took about half as much CPU as the server itself, and the context switches between those
 * threads took more.
 *
 * <p>Everything but {@link #closedLoop} and {@link #fixedRate} runs on the event loop, so the
 * phases' state needs no locking.
 */
final class HttpDriver implements AutoCloseable {

	/** What one request sends: a bearer token (or null) and a GraphQL JSON body. */
	record Request(String token, String body) {
	}

	/** A gap between two of the paced phase's 1 ms ticks that means the driver itself ran late. */
	private static final long LATE_TICK = TimeUnit.MILLISECONDS.toNanos(10);

	private static final ByteBuf ERRORS = ascii("\"errors\"");

	private static final ByteBuf USER_ERRORS = ascii("\"userErrors\":[{");

	/** Linux's epoll where Netty's native transport loads (it is on the classpath), else Java's NIO. */
	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
			Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());

	private final EventLoop loop = this.group.next();

	private final Bootstrap bootstrap;

	private final String host;

	/** Connections with no request in flight, the most recently used first. */
	private final ArrayDeque<Connection> idle = new ArrayDeque<>();

	/** Connections open or opening. */
	private int opened;

	private Phase phase;

	HttpDriver(String host, int port) {
		this.host = host + ":" + port;
		this.bootstrap = new Bootstrap().group(this.loop)
			.channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.remoteAddress(new InetSocketAddress(host, port))
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), new Connection());
				}
			});
	}

	/**
	 * As fast as the server answers, with {@code connections} requests in flight; latency counts
	 * from when a request was sent.
	 */
	LocationLoad.Result closedLoop(String name, int connections, int seconds, LongFunction<Request> requests)
			throws Exception {
		return closedLoop(new LocationLoad.Result(name), connections, seconds, requests);
	}

	/** As {@link #closedLoop(String, int, int, LongFunction)}, adding to what {@code into} has measured so far. */
	LocationLoad.Result closedLoop(LocationLoad.Result into, int connections, int seconds,
			LongFunction<Request> requests) throws Exception {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		return run(new Phase(into, connections) {
			@Override
			boolean hasWork() {
				return System.nanoTime() < end;
			}

			@Override
			void sendOne(Connection connection) {
				connection.send(requests.apply(this.sent++), System.nanoTime());
			}
		});
	}

	/**
	 * At a fixed rate over up to {@code connections} connections; latency counts from when a request
	 * was due, so that a stall is not hidden: requests that fall due while every connection is busy
	 * wait in line, and their wait is part of their latency.
	 */
	LocationLoad.Result fixedRate(String name, int rate, int connections, int seconds, LongFunction<Request> requests)
			throws Exception {
		long total = (long) rate * seconds;
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		return run(new Phase(new LocationLoad.Result(name), connections) {
			private final ArrayDeque<Long> waiting = new ArrayDeque<>();

			private ScheduledFuture<?> ticks;

			@Override
			void start() {
				this.ticks = HttpDriver.this.loop.scheduleAtFixedRate(this::release, 0, 1, TimeUnit.MILLISECONDS);
			}

			private long lastTick;

			/**
			 * Puts every request that has fallen due in line, and sends what it can: once a
			 * millisecond, so a request may go up to a millisecond late (counted in its latency);
			 * waking more often cost the driver more CPU than the requests themselves.
			 */
			private void release() {
				long now = System.nanoTime();
				if (this.lastTick != 0 && now - this.lastTick > LATE_TICK) {
					this.result.lateTicks++;
					this.result.longestTickGap = Math.max(this.result.longestTickGap, now - this.lastTick);
				}
				this.lastTick = now;
				while (this.sent < total && this.startedAt + this.sent * interval <= now) {
					this.waiting.add(this.sent++);
				}
				if (this.sent >= total) {
					this.ticks.cancel(false);
				}
				pump();
			}

			@Override
			boolean hasWork() {
				return !this.waiting.isEmpty();
			}

			@Override
			void sendOne(Connection connection) {
				long i = this.waiting.poll();
				connection.send(requests.apply(i), this.startedAt + i * interval);
			}

			@Override
			boolean finished() {
				return this.sent >= total && super.finished();
			}
		});
	}

	private LocationLoad.Result run(Phase phase) throws Exception {
		long cpu = LocationLoad.serverCpuNanos();
		long ownCpu = ownCpuNanos();
		this.loop.execute(() -> {
			this.phase = phase;
			phase.startedAt = System.nanoTime();
			phase.start();
			pump();
		});
		phase.done.get();
		long cpuNow = LocationLoad.serverCpuNanos();
		phase.result.serverCpuNanos = (cpu < 0 || cpuNow < 0 || phase.result.serverCpuNanos < 0) ? -1
				: phase.result.serverCpuNanos + cpuNow - cpu;
		phase.result.driverCpuNanos += ownCpuNanos() - ownCpu;
		System.out.println("  done: " + phase.result.name);
		return phase.result;
	}

	/**
	 * Sends what the phase has to send on idle connections, opening more while it has fewer than
	 * it may use, and ends the phase when it is over.
	 */
	private void pump() {
		Phase phase = this.phase;
		if (phase == null) {
			return;
		}
		while (phase.inFlight < phase.connections && phase.hasWork()) {
			Connection connection = this.idle.poll();
			if (connection == null) {
				while (this.opened < phase.connections) {
					this.opened++;
					this.bootstrap.connect().addListener(connected -> {
						if (!connected.isSuccess()) {
							this.opened--;
							phase.done.completeExceptionally(connected.cause());
						}
					});
				}
				break;
			}
			phase.sendOne(connection);
		}
		if (phase.finished()) {
			this.phase = null;
			phase.result.elapsed += (System.nanoTime() - phase.startedAt) / 1e9;
			phase.done.complete(null);
		}
	}

	/** The CPU time this driver's process has used so far. */
	private static long ownCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static ByteBuf ascii(String text) {
		return Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
	}

	@Override
	public void close() {
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
	}

	/** One phase of the load, run on the event loop. */
	private abstract static class Phase {

		final LocationLoad.Result result;

		/** How many requests may be in flight, each on a connection of its own. */
		final int connections;

		final CompletableFuture<Void> done = new CompletableFuture<>();

		long startedAt;

		long sent;

		int inFlight;

		Phase(LocationLoad.Result result, int connections) {
			this.result = result;
			this.connections = connections;
		}

		void start() {
		}

		/** Whether a request is to be sent now. */
		abstract boolean hasWork();

		/** Sends the next request on this idle connection. */
		abstract void sendOne(Connection connection);

		boolean finished() {
			return !hasWork() && this.inFlight == 0;
		}

	}

	/**
	 * A keep-alive connection to the server, with one request in flight at most; the server closes
	 * one now and then (Tomcat after 100 requests), and another is opened in its place.
	 */
	private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {

		private Channel channel;

		/** When the request in flight was due, or -1 when none is. */
		private long due = -1;

		/** When it was sent. */
		private long sent;

		@Override
		public void channelActive(ChannelHandlerContext ctx) {
			this.channel = ctx.channel();
			HttpDriver.this.idle.push(this);
			pump();
		}

		void send(Request request, long due) {
			this.due = due;
			this.sent = System.nanoTime();
			HttpDriver.this.phase.inFlight++;
			ByteBuf body = Unpooled.wrappedBuffer(request.body().getBytes(StandardCharsets.UTF_8));
			FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/graphql", body);
			http.headers()
				.set(HttpHeaderNames.HOST, HttpDriver.this.host)
				.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
				.set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
			if (request.token() != null) {
				http.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + request.token());
			}
			this.channel.writeAndFlush(http);
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
			ByteBuf body = response.content();
			answered(response.status().code() == 200 && ByteBufUtil.indexOf(ERRORS, body) < 0
					&& ByteBufUtil.indexOf(USER_ERRORS, body) < 0);
			if (HttpUtil.isKeepAlive(response)) {
				HttpDriver.this.idle.push(this);
			}
			else {
				ctx.close();
			}
			pump();
		}

		private void answered(boolean ok) {
			Phase phase = HttpDriver.this.phase;
			if (this.due >= 0 && phase != null) {
				phase.result.record(ok, System.nanoTime() - this.due, this.sent - this.due);
				phase.inFlight--;
			}
			this.due = -1;
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			HttpDriver.this.opened--;
			HttpDriver.this.idle.remove(this);
			if (this.due >= 0) {
				answered(false);
			}
			pump();
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			ctx.close();
		}

	}

}
