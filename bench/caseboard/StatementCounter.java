package org.qibao.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the server prepares while answering HTTP requests, as the casework
 * tests' probes do: the application's DataSource is wrapped, and every statement prepared on a
 * request thread (Tomcat's {@code http-nio-…}) is counted, whoever prepares it; the scheduled jobs
 * on their own threads are left out. The count is served as plain text on a port of its own
 * ({@code GET /statements}), outside the application, so that reading it costs no statement and
 * passes no security filter. The wrapper only passes calls on: it adds a counter increment to
 * each statement and nothing else.
 */
public final class StatementCounter {

	static final AtomicLong STATEMENTS = new AtomicLong();

	/** The last statements counted, for the reader to see what they are ({@code GET /sql}). */
	private static final String[] LAST = new String[64];

	private StatementCounter() {
	}

	/** Wraps every DataSource bean. */
	public static BeanPostProcessor wrapper() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof DataSource dataSource && !(bean instanceof Counting)) ? new Counting(dataSource)
						: bean;
			}
		};
	}

	/** Serves the count on this port until the JVM ends. */
	public static void serve(int port) {
		serve(port, Map.of());
	}

	/** Serves the count, and the answers of these bench actions (by path), on this port until the JVM ends. */
	public static void serve(int port, Map<String, Supplier<String>> actions) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			Map<String, Supplier<String>> all = new HashMap<>(actions);
			all.put("/statements", () -> Long.toString(STATEMENTS.get()));
			all.put("/sql", () -> last(LAST.length));
			all.forEach((path, action) -> server.createContext(path, exchange -> {
				byte[] body;
				int status = 200;
				try {
					body = action.get().getBytes(StandardCharsets.UTF_8);
				}
				catch (RuntimeException ex) {
					status = 500;
					body = String.valueOf(ex).getBytes(StandardCharsets.UTF_8);
				}
				exchange.sendResponseHeaders(status, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}));
			server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The last {@code count} statements counted, oldest first, one a line. */
	private static String last(int count) {
		long n = STATEMENTS.get();
		StringBuilder out = new StringBuilder();
		for (long i = Math.max(1, n - Math.min(count, LAST.length) + 1); i <= n; i++) {
			out.append(String.valueOf(LAST[(int) (i % LAST.length)]).replaceAll("\\s+", " ")).append('\n');
		}
		return out.toString();
	}

	private static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private static Connection counted(Connection connection) {
			InvocationHandler handler = (proxy, method, args) -> {
				String name = method.getName();
				if ((name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall"))
						&& Thread.currentThread().getName().startsWith("http-nio")) {
					long n = STATEMENTS.incrementAndGet();
					LAST[(int) (n % LAST.length)] = (args != null && args.length > 0) ? String.valueOf(args[0]) : name;
				}
				try {
					return method.invoke(connection, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getTargetException();
				}
			};
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}

	}

}
