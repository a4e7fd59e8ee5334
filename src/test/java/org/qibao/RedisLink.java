package org.qibao;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The way from an instance to the real Redis, which a test can cut: a plain TCP relay on a port of
 * its own. Once cut, the port refuses connections and every open one is closed, as when the Redis
 * machine goes away; nothing in the instance is replaced or mocked.
 */
public final class RedisLink implements AutoCloseable {

	private final ServerSocket server;

	private final String host;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean cut;

	/** A link to the Redis that a {@code redis://host:port/db} URL names. */
	public RedisLink(String redisUrl) {
		URI uri = URI.create(redisUrl);
		this.host = uri.getHost();
		this.port = (uri.getPort() > 0) ? uri.getPort() : 6379;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread accepting = new Thread(this::accept, "redis-link");
		accepting.setDaemon(true);
		accepting.start();
	}

	/** The URL an instance uses to reach Redis through this link, with the same database index. */
	public String url(String redisUrl) {
		String path = URI.create(redisUrl).getPath();
		return "redis://127.0.0.1:" + this.server.getLocalPort() + ((path == null) ? "" : path);
	}

	/** Cuts the link: open connections are closed and new ones refused. */
	public void cut() {
		this.cut = true;
		close();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.sockets.forEach(RedisLink::quietlyClose);
	}

	private void accept() {
		while (!this.cut && !this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket redis = new Socket(this.host, this.port);
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

}
