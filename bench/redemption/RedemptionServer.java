package org.qibao.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.qibao.QibaoApplication;
import org.qibao.geo.Geography;
import org.qibao.identity.Accounts;
import org.qibao.identity.BenchTokens;
import org.qibao.identity.Role;
import org.qibao.merchant.Merchant;
import org.qibao.merchant.Merchants;
import org.qibao.merchant.OfferTerms;
import org.qibao.merchant.Offers;
import org.qibao.patrol.AttendanceVerified;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.timebank.TimeBank;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Qibao as the redemption benchmark runs it: the real application, with a community of
 * {@code qibao.bench.merchants} approved shops, each with an offer of one minute and two staff
 * (one at the counter for the load, one for the double-confirmation checks), and
 * {@code qibao.bench.volunteers} volunteers with 120 minutes each, credited by the time bank as a
 * verified patrol is (with negative attendance IDs, as the demo's history, which the patrol module
 * never issues). Shops, offers and credits go through the modules' services; the accounts and
 * their roles are inserted in SQL (one bcrypt hash copied, as bench/location does). When ready it
 * writes, for the driver, the database's address, a line per shop (its ID, offer ID and staff
 * tokens) and a line per volunteer (token), and prints "BENCH READY".
 */
@Configuration(proxyBeanMethods = false)
public class RedemptionServer {

	static final String PASSWORD = "bench-counter-2026";

	static final int CREDIT_MINUTES = 120;

	public static void main(String[] args) {
		new SpringApplicationBuilder(QibaoApplication.class, RedemptionServer.class).run(args);
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> counterFixtures(Accounts accounts, Geography geography,
			Merchants merchants, Offers offers, TimeBank timeBank, JdbcClient jdbc, Environment environment,
			@Value("${qibao.bench.merchants:50}") int merchantCount,
			@Value("${qibao.bench.volunteers:10000}") int volunteerCount,
			@Value("${qibao.bench.fixtures-file}") Path fixturesFile) {
		return event -> {
			long started = System.nanoTime();
			var context = event.getApplicationContext();
			long city = geography.createCity("压测市");
			long district = geography.createDistrict(city, "压测区");
			long street = geography.createStreet(district, "压测街道");
			long community = geography.createCommunity(street, "兑换压测社区", "Asia/Shanghai");
			List<Long> volunteers = BenchAccounts.volunteers(accounts, jdbc, community, volunteerCount, "176", PASSWORD);
			List<Long> staff = BenchAccounts.others(jdbc, volunteers.get(0), 2 * merchantCount, "175", "压测店员");
			Instant now = Instant.now();
			List<String> merchantLines = new ArrayList<>();
			List<Long> allStaff = new ArrayList<>();
			for (int m = 0; m < merchantCount; m++) {
				Merchant shop = merchants.create(community, "压测商户" + m, m % 2 == 0 ? "BARBER" : "SUPERMARKET",
						"压测路 " + m + " 号", new GeoPoint(114.30 + m * 0.0005, 30.55));
				long offer = offers.create(shop.id(), new OfferTerms("压测优惠", "", "减 1 元", 1, now.minus(Duration.ofHours(1)),
						now.plus(Duration.ofDays(2)), null, null, null)).id();
				long counter = staff.get(2 * m);
				long checker = staff.get(2 * m + 1);
				accounts.grant(counter, Role.MERCHANT_STAFF, shop.id());
				accounts.grant(checker, Role.MERCHANT_STAFF, shop.id());
				allStaff.add(counter);
				allStaff.add(checker);
				merchantLines.add("M\t" + GlobalId.encode("Merchant", shop.id()) + "\t" + GlobalId.encode("Offer", offer));
			}
			Instant verifiedAt = now.minus(Duration.ofHours(2));
			IntStream.range(0, volunteers.size()).parallel().forEach(v -> timeBank.creditPatrol(
					new AttendanceVerified(-(v + 1L), volunteers.get(v), community, CREDIT_MINUTES, verifiedAt, null)));
			List<String> volunteerTokens = BenchTokens.issue(context, volunteers);
			List<String> staffTokens = BenchTokens.issue(context, allStaff);
			List<String> lines = new ArrayList<>();
			lines.add(environment.getProperty("spring.datasource.url"));
			lines.add(environment.getProperty("spring.datasource.username", ""));
			lines.add(environment.getProperty("spring.datasource.password", ""));
			for (int m = 0; m < merchantCount; m++) {
				lines.add(merchantLines.get(m) + "\t" + staffTokens.get(2 * m) + "\t" + staffTokens.get(2 * m + 1));
			}
			volunteerTokens.forEach(token -> lines.add("V\t" + token));
			try {
				Files.write(fixturesFile, lines);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			System.out.printf("BENCH READY %d shops, %d volunteers with %d minutes each, in %d s%n", merchantCount,
					volunteerCount, CREDIT_MINUTES, (System.nanoTime() - started) / 1_000_000_000L);
		};
	}

}
