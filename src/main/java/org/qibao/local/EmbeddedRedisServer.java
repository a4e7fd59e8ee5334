package org.qibao.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import redis.embedded.RedisServer;

/**
 * One embedded Redis server per data directory and JVM, with an append-only file in the
 * data directory so that what it holds survives a restart.
 */
final class EmbeddedRedisServer {

	private static final ConcurrentMap<Path, Integer> ports = new ConcurrentHashMap<>();

	private EmbeddedRedisServer() {
	}

	static int start(Path dataDir) {
		return ports.computeIfAbsent(dataDir, EmbeddedRedisServer::startServer);
	}

	private static int startServer(Path dataDir) {
		LocalStores.ensureDirectory(dataDir);
		int port = freePort();
		RedisServer server = RedisServer.builder()
			.port(port)
			.bind("127.0.0.1")
			.setting("dir " + dataDir)
			.setting("appendonly yes")
			.setting("appendfsync everysec")
			.setting("save \"\"")
			.setting("protected-mode yes")
			.build();
		server.start();
		StopAfterContexts.register(server::stop);
		return port;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the embedded Redis", ex);
		}
	}

}
