package org.qibao.casework;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * What the tests watch in the running application: the SQL statements prepared while serving
 * GraphQL requests, and the {@link CaseReportVerified} events published.
 * <p>
 * Statements are counted by wrapping the application's {@link DataSource}: every statement a
 * request's thread prepares, whoever prepares it (JdbcClient, Flyway or a library), passes through
 * {@code prepareStatement}/{@code createStatement}/{@code prepareCall}, so nothing is missed, and
 * the scheduled jobs running meanwhile on their own threads are left out. PostgreSQL's
 * pg_stat_statements is not available everywhere, and a library (datasource-proxy) would add a
 * dependency for the few lines below.
 */
@TestConfiguration(proxyBeanMethods = false)
class CaseworkProbes {

	/** Statements prepared on request threads since the last {@link #reset}. */
	static final AtomicInteger STATEMENTS = new AtomicInteger();

	static final List<String> SQL = new CopyOnWriteArrayList<>();

	static final List<CaseReportVerified> VERIFIED = new CopyOnWriteArrayList<>();

	static void reset() {
		STATEMENTS.set(0);
		SQL.clear();
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof DataSource dataSource && !(bean instanceof Counting)) ? new Counting(dataSource) : bean;
			}
		};
	}

	@Bean
	VerifiedReports verifiedReports() {
		return new VerifiedReports();
	}

	static final class VerifiedReports {

		@EventListener
		void on(CaseReportVerified event) {
			VERIFIED.add(event);
		}

	}

	static final class Counting extends DelegatingDataSource {

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
					STATEMENTS.incrementAndGet();
					SQL.add(args != null && args.length > 0 ? String.valueOf(args[0]) : name);
				}
				try {
					return method.invoke(connection, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getTargetException();
				}
			};
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
					handler);
		}

	}

}
