package org.qibao.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server per data directory and JVM, kept for the life of the
 * JVM: several application contexts (as tests start) share it.
 */
final class EmbeddedPostgresServer {

	static final String USER = "postgres";

	static final String DATABASE = "qibao";

	private static final ConcurrentMap<Path, String> urls = new ConcurrentHashMap<>();

	private EmbeddedPostgresServer() {
	}

	static String start(Path dataDir) {
		return urls.computeIfAbsent(dataDir, EmbeddedPostgresServer::startServer);
	}

	private static String startServer(Path dataDir) {
		LocalStores.ensureDirectory(dataDir.getParent());
		removeStalePidFile(dataDir);
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setLocaleConfig("encoding", "UTF8")
				.setRegisterShutdownHook(false)
				.start();
			StopAfterContexts.register(postgres::close);
			createDatabaseIfMissing(postgres);
			return postgres.getJdbcUrl(USER, DATABASE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the database " + DATABASE, ex);
		}
	}

	/** A server killed without a clean stop leaves its pid file behind, which would stop the next start. */
	private static void removeStalePidFile(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try {
			String pid = Files.readAllLines(pidFile).get(0).trim();
			boolean alive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
			if (!alive) {
				Files.delete(pidFile);
			}
		}
		catch (IOException | RuntimeException ex) {
			// leave it: PostgreSQL will say why it cannot start
		}
	}

}
