package org.qibao.demo;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.merchant.Merchant;
import org.qibao.merchant.Merchants;
import org.qibao.patrol.Team;
import org.qibao.patrol.Teams;
import org.qibao.shared.GeoPoint;
import org.qibao.timebank.Schools;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo community of the seed story, loaded into an empty database in local mode:
 * Dongting community (东亭社区) in Wuchang, Wuhan, with its Seven Treasures patrol team.
 */
@Component
@ConditionalOnBooleanProperty("qibao.demo.enabled")
class DemoCommunity implements ApplicationRunner {

	static final String PASSWORD = "qibao2026";

	private static final Log log = LogFactory.getLog(DemoCommunity.class);

	private final Geography geography;

	private final Accounts accounts;

	private final Teams teams;

	private final Merchants merchants;

	private final Schools schools;

	private final TransactionTemplate transaction;

	DemoCommunity(Geography geography, Accounts accounts, Teams teams, Merchants merchants, Schools schools,
			TransactionTemplate transaction) {
		this.geography = geography;
		this.accounts = accounts;
		this.teams = teams;
		this.merchants = merchants;
		this.schools = schools;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.geography.hasCommunities()) {
			this.transaction.executeWithoutResult(status -> load());
			log.info("Loaded the demo community 东亭社区");
		}
		printLogins();
	}

	private void load() {
		long wuhan = this.geography.createCity("武汉市");
		long wuchang = this.geography.createDistrict(wuhan, "武昌区");
		long shuiguohu = this.geography.createStreet(wuchang, "水果湖街道");
		long dongting = this.geography.createCommunity(shuiguohu, "东亭社区", "Asia/Shanghai");
		List<Grid> grids = new ArrayList<>();
		for (DemoData.GridShape shape : DemoData.GRIDS) {
			grids.add(this.geography.createGrid(dongting, shape.code(), shape.name(), shape.geoJson()));
		}

		Account secretary = person(DemoData.ADMINISTRATOR, dongting);
		this.accounts.grant(secretary.id(), Role.ADMINISTRATOR, dongting);
		Account gridWorker = person(DemoData.GRID_WORKER, dongting);
		this.accounts.grant(gridWorker.id(), Role.GRID_WORKER, grids.get(0).id());
		this.accounts.grant(gridWorker.id(), Role.GRID_WORKER, grids.get(1).id());

		Team sevenTreasures = this.teams.create(dongting, "七宝巡逻队", grids.stream().map(Grid::id).toList());
		for (DemoData.Person member : DemoData.SEVEN_TREASURES) {
			Account account = person(member, dongting);
			this.teams.addMember(sevenTreasures.id(), account.id());
			if (member == DemoData.SEVEN_TREASURES.get(0)) {
				this.accounts.grant(account.id(), Role.CAPTAIN, sevenTreasures.id());
			}
		}

		Merchant barber = this.merchants.create(dongting, "东亭理发店", "BARBER", "武昌区东亭路 12 号",
				new GeoPoint(114.3531, 30.5671));
		Merchant supermarket = this.merchants.create(dongting, "东亭便民超市", "SUPERMARKET", "武昌区东亭路 28 号",
				new GeoPoint(114.3589, 30.5668));
		this.accounts.grant(person(DemoData.BARBER, null).id(), Role.MERCHANT_STAFF, barber.id());
		this.accounts.grant(person(DemoData.SUPERMARKET, null).id(), Role.MERCHANT_STAFF, supermarket.id());
		this.schools.create(dongting, "东亭社区学校");
		this.accounts.grant(person(DemoData.CITY_ADMINISTRATOR, null).id(), Role.CITY_ADMINISTRATOR, wuhan);
	}

	/** Opens the person's account; residents of the community are volunteers there. */
	private Account person(DemoData.Person person, Long communityId) {
		Account account = this.accounts.register(person.phone(), person.name(), PASSWORD, "zh-CN");
		if (communityId != null) {
			this.accounts.grant(account.id(), Role.VOLUNTEER, communityId);
		}
		return account;
	}

	private static void printLogins() {
		StringBuilder table = new StringBuilder("Demo sign-ins (password " + PASSWORD + " for all):");
		DemoData.everyone()
			.forEach(p -> table.append(String.format("%n  %-12s %-6s %s", p.phone(), p.name(), p.description())));
		log.info(table);
	}

}
