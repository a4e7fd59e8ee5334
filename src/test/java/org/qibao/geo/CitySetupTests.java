package org.qibao.geo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qibao.AnotherInstance;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh install without the demo starts with its first city and city administrator, made once:
 * two instances on the same new database, one started after the other, leave exactly one.
 */
@QibaoTest
@ExtendWith(OutputCaptureExtension.class)
class CitySetupTests {

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFreshInstallMakesExactlyOneCityAdministratorWhoseOneTimePasswordSignsIn(CapturedOutput output)
			throws Exception {
		String database = "qibao_setup_" + Long.toString(System.nanoTime(), 36);
		this.jdbc.sql("CREATE DATABASE " + database).update();
		String url = this.environment.getRequiredProperty("spring.datasource.url").replaceFirst("/[^/?]+(\\?|$)",
				"/" + database + "$1");
		String[] setup = { "--spring.datasource.url=" + url, "--qibao.setup.city-name=初始市",
				"--qibao.setup.administrator-phone=13700000001", "--qibao.setup.administrator-name=首任管理员",
				"--qibao.setup.administrator-password=" };
		try (AnotherInstance first = AnotherInstance.start(this.environment, setup);
				AnotherInstance second = AnotherInstance.start(this.environment, setup)) {
			JdbcClient fresh = first.bean(JdbcClient.class);
			assertThat(fresh.sql("SELECT count(*) FROM role_assignment WHERE role = 'CITY_ADMINISTRATOR'")
				.query(Integer.class).single()).isEqualTo(1);
			assertThat(fresh.sql("SELECT count(*) FROM city").query(Integer.class).single()).isEqualTo(1);
			assertThat(fresh.sql("SELECT count(*) FROM community").query(Integer.class).single()).isZero();
			Matcher printed = Pattern.compile("one-time password (\\S+)").matcher(output.getAll());
			assertThat(printed.find()).as("the password is printed").isTrue();
			String password = printed.group(1);
			assertThat(printed.find()).as("the password is printed once").isFalse();
			Clients.signedIn(second.port(), "13700000001", password)
				.document("{ me { displayName roles { role scopeName } } }")
				.execute()
				.path("me.displayName").entity(String.class).isEqualTo("首任管理员")
				.path("me.roles[0].role").entity(String.class).isEqualTo("CITY_ADMINISTRATOR")
				.path("me.roles[0].scopeName").entity(String.class).isEqualTo("初始市");
		}
		finally {
			this.jdbc.sql("DROP DATABASE " + database + " WITH (FORCE)").update();
		}
	}

}
