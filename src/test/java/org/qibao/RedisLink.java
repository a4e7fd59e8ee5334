package org.qibao;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.internal.HostAndPort;
import io.lettuce.core.resource.MappingSocketAddressResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The way from an instance to the real Redis, which a test can cut: a plain TCP relay on a port of
 * its own. Once cut, the port refuses connections and every open one is closed, as when the Redis
 * machine goes away; nothing in the instance is replaced or mocked.
 * <p>
 * On a Redis Cluster the instance reaches each node at the address the cluster names it by, so
 * every node gets a relay of its own, and the instance (started with {@link Routing} among its
 * sources and {@link #arguments}) connects to a node's relay wherever it would connect to the node.
 */
public final class RedisLink implements AutoCloseable {

	static final String ROUTES = "qibao.test.redis-link.routes";

	/** host:port of each Redis → the port of its relay. */
	private final Map<String, ServerSocket> relays = new LinkedHashMap<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final List<String> clusterNodes;

	private volatile boolean cut;

	/** A link to the Redis that a {@code redis://host:port/db} URL names. */
	public RedisLink(String redisUrl) {
		URI uri = URI.create(redisUrl);
		relay(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379);
		this.clusterNodes = List.of();
	}

	private RedisLink(List<String> seeds) {
		this.clusterNodes = seeds;
		RedisClusterClient client = RedisClusterClient
			.create(seeds.stream().map(node -> RedisURI.create("redis://" + node)).toList());
		try {
			client.connect().close();
			client.getPartitions().forEach(node -> relay(node.getUri().getHost(), node.getUri().getPort()));
		}
		finally {
			client.shutdown();
		}
	}

	/** A link to every node of the Redis Cluster these seed nodes ({@code host:port}) belong to. */
	public static RedisLink toCluster(List<String> seeds) {
		return new RedisLink(seeds);
	}

	/** A link to the tests' Redis, a cluster or not, as the environment names it. */
	public static RedisLink toTestRedis(org.springframework.core.env.Environment environment) {
		if (TestRedis.cluster(environment)) {
			return toCluster(TestRedis.clusterNodes());
		}
		String url = environment.getProperty("spring.data.redis.url");
		return new RedisLink((url != null) ? url
				: "redis://" + environment.getProperty("spring.data.redis.host", "127.0.0.1") + ":"
						+ environment.getProperty("spring.data.redis.port", "6379"));
	}

	/** The URL an instance uses to reach a standalone Redis through this link, with the same database index. */
	public String url(String redisUrl) {
		String path = URI.create(redisUrl).getPath();
		return "redis://127.0.0.1:" + this.relays.values().iterator().next().getLocalPort() + ((path == null) ? "" : path);
	}

	/**
	 * The arguments that make an instance reach Redis through this link: for a cluster, its nodes
	 * and the relay of each (the instance needs {@link Routing} among its sources).
	 */
	public List<String> arguments(String redisUrl) {
		if (this.clusterNodes.isEmpty()) {
			return List.of("--spring.data.redis.url=" + url(redisUrl));
		}
		List<String> routes = new ArrayList<>();
		this.relays.forEach((node, relay) -> routes.add(node + "=" + relay.getLocalPort()));
		return List.of("--" + TestRedis.CLUSTER_NODES + "=" + String.join(",", this.clusterNodes),
				"--" + ROUTES + "=" + String.join(",", routes));
	}

	/** Cuts the link: open connections are closed and new ones refused. */
	public void cut() {
		this.cut = true;
		close();
	}

	@Override
	public void close() {
		this.relays.values().forEach(server -> {
			try {
				server.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		});
		this.sockets.forEach(RedisLink::quietlyClose);
	}

	private void relay(String host, int port) {
		ServerSocket server;
		try {
			server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.relays.put(host + ":" + port, server);
		Thread accepting = new Thread(() -> accept(server, host, port), "redis-link");
		accepting.setDaemon(true);
		accepting.start();
	}

	private void accept(ServerSocket server, String host, int port) {
		while (!this.cut && !server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket redis = new Socket(host, port);
				this.sockets.add(client);
				this.sockets.add(redis);
				relay(client, redis);
				relay(redis, client);
			}
			catch (IOException ex) {
				// the link was cut or closed
			}
		}
	}

	private void relay(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16_384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0 && !this.cut; read = in.read(buffer)) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed
			}
			quietlyClose(from);
			quietlyClose(to);
		}, "redis-link-relay");
		thread.setDaemon(true);
		thread.start();
	}

	private static void quietlyClose(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	/**
	 * For an instance behind a cluster's link: Lettuce connects to each node's relay instead of the
	 * node ({@code qibao.test.redis-link.routes}: {@code host:port=relayPort,...}).
	 */
	public static class Routing {

		@Bean
		ClientResourcesBuilderCustomizer redisLinkRoutes(@Value("${" + ROUTES + ":}") String routes) {
			Map<String, Integer> relays = new LinkedHashMap<>();
			for (String route : routes.split(",")) {
				if (!route.isBlank()) {
					relays.put(route.substring(0, route.indexOf('=')),
							Integer.parseInt(route.substring(route.indexOf('=') + 1)));
				}
			}
			Function<HostAndPort, HostAndPort> route = node -> {
				Integer relay = relays.get(node.getHostText() + ":" + node.getPort());
				return (relay == null) ? node : HostAndPort.of("127.0.0.1", relay);
			};
			return resources -> resources.socketAddressResolver(MappingSocketAddressResolver.create(route));
		}

	}

}
