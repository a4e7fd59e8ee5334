package org.qibao.geo;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.shared.AdministrativeAction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first start of a fresh install: without the demo nobody could sign in to draw anything, so
 * {@code qibao.setup.city-name}, {@code qibao.setup.administrator-phone} and
 * {@code qibao.setup.administrator-name} make the first city and its first city administrator.
 * It happens only while no city administrator exists at all, under a database lock, so several
 * instances starting together and every later restart leave exactly one. The password is
 * {@code qibao.setup.administrator-password} when given; otherwise one is made up and printed to
 * the log this once, to be changed at the first sign-in. Runs once the application is ready,
 * after the demo (if any) has loaded.
 */
@Component
class CitySetup {

	private static final Log log = LogFactory.getLog(CitySetup.class);

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final Geography geography;

	private final GeographyRepository repository;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Settings settings;

	CitySetup(Geography geography, GeographyRepository repository, Accounts accounts, ApplicationEventPublisher events,
			TransactionTemplate transaction, @Value("${qibao.setup.city-name:}") String cityName,
			@Value("${qibao.setup.administrator-phone:}") String phone,
			@Value("${qibao.setup.administrator-name:}") String name,
			@Value("${qibao.setup.administrator-password:}") String password) {
		this.geography = geography;
		this.repository = repository;
		this.accounts = accounts;
		this.events = events;
		this.transaction = transaction;
		this.settings = new Settings(cityName.trim(), phone.trim(), name.trim(), password);
	}

	@EventListener(ApplicationReadyEvent.class)
	void setUpOnFirstStart() {
		if (this.settings.cityName().isEmpty() || this.settings.phone().isEmpty()) {
			return;
		}
		String made = this.transaction.execute(status -> setUp());
		if (made != null) {
			log.warn("Set up city " + this.settings.cityName() + " with its first city administrator "
					+ this.settings.phone() + (made.isEmpty() ? "" : ", one-time password " + made
							+ " (shown this once: sign in and change it)"));
		}
	}

	/** The password made up (empty when it was given or the account existed), or null when nothing was to do. */
	private String setUp() {
		this.repository.lockSetup();
		if (this.accounts.anyoneHolds(Role.CITY_ADMINISTRATOR)) {
			return null;
		}
		long cityId = this.repository.cityNamed(this.settings.cityName())
			.orElseGet(() -> this.geography.createCity(this.settings.cityName()));
		String madeUp = "";
		Account administrator = this.accounts.findByPhone(this.settings.phone()).orElse(null);
		if (administrator == null) {
			String password = this.settings.password();
			if (password.isBlank()) {
				madeUp = oneTimePassword();
				password = madeUp;
			}
			String name = this.settings.name().isEmpty() ? this.settings.cityName() : this.settings.name();
			administrator = this.accounts.register(this.settings.phone(), name, password, "zh-CN");
		}
		this.accounts.grant(administrator.id(), Role.CITY_ADMINISTRATOR, cityId);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("role", Role.CITY_ADMINISTRATOR.name());
		after.put("cityId", cityId);
		after.put("accountId", administrator.id());
		this.events.publishEvent(new AdministrativeAction(administrator.id(), null, "geo.citySetUp", "City", cityId,
				Map.of(), after));
		return madeUp;
	}

	private static String oneTimePassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	private record Settings(String cityName, String phone, String name, String password) {
	}

}
