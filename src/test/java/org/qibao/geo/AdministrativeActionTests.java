package org.qibao.geo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.shared.AdministrativeAction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** Every change to the geography is published for the audit log, with what it was before and after. */
@QibaoTest
@RecordApplicationEvents
class AdministrativeActionTests {

	@Autowired
	Geography geography;

	@Autowired
	Accounts accounts;

	@Autowired
	GridAdministration grids;

	@Autowired
	PlaceAdministration places;

	@Autowired
	ApplicationEvents events;

	@Test
	void redrawingAGridPublishesItsBoundaryBeforeAndAfter() {
		GeoFixture city = GeoFixture.create(this.geography, this.accounts);
		Grid grid = this.grids.create(city.administratorActor(), city.communityId(), "E1", "一网格", city.squareJson(0, 0, 0.001));
		this.grids.change(city.administratorActor(), grid.id(), null, "改名", city.squareJson(0, 0.001, 0.001), "geo.gridUpdate");
		List<AdministrativeAction> published = published();
		assertThat(published).extracting(AdministrativeAction::action).containsExactly("geo.gridCreate", "geo.gridUpdate");
		AdministrativeAction update = published.get(1);
		assertThat(update.actorAccountId()).isEqualTo(city.administrator().id());
		assertThat(update.communityId()).isEqualTo(city.communityId());
		assertThat(update.subjectType()).isEqualTo("Grid");
		assertThat(update.subjectId()).isEqualTo(grid.id());
		assertThat(update.before()).containsEntry("name", "一网格").containsKey("boundary");
		assertThat(update.after()).containsEntry("name", "改名");
		assertThat(update.after().get("boundary")).isNotEqualTo(update.before().get("boundary"));
	}

	@Test
	void workersAssignedAndUnassignedArePublished() {
		GeoFixture city = GeoFixture.create(this.geography, this.accounts);
		Grid grid = this.geography.createGrid(city.communityId(), "E2", "二网格", city.squareJson(0, 0, 0.001));
		Account resident = this.accounts.register(Clients.uniquePhone(), "居民", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(resident.id(), Role.VOLUNTEER, city.communityId());
		this.grids.assignWorker(city.administratorActor(), grid.id(), resident.id(), null);
		this.grids.unassignWorker(city.administratorActor(), grid.id(), resident.id());
		assertThat(published()).extracting(AdministrativeAction::action)
			.containsExactly("geo.gridWorkerAssign", "geo.gridWorkerUnassign");
		assertThat(published().get(0).after()).containsEntry("workerAccountId", resident.id());
		assertThat(published().get(1).before()).containsEntry("workerAccountId", resident.id());
	}

	@Test
	void placesDrawnAndRenamedArePublishedWithTheirNames() {
		GeoFixture city = GeoFixture.create(this.geography, this.accounts);
		Place.District district = this.places.createDistrict(city.cityAdministratorActor(), city.cityId(), "甲区");
		this.places.renameDistrict(city.cityAdministratorActor(), district.id(), "乙区");
		Place.Street street = this.places.createStreet(city.cityAdministratorActor(), district.id(), "甲街道");
		this.places.renameStreet(city.cityAdministratorActor(), street.id(), "乙街道");
		Community community = this.places.createCommunity(city.cityAdministratorActor(), street.id(), "甲社区", "Asia/Shanghai");
		this.places.updateCommunity(city.cityAdministratorActor(), community.id(), "乙社区", null);
		List<AdministrativeAction> published = published();
		assertThat(published).extracting(AdministrativeAction::action)
			.containsExactly("geo.districtCreate", "geo.districtRename", "geo.streetCreate", "geo.streetRename",
					"geo.communityCreate", "geo.communityUpdate");
		assertThat(published.get(1).before()).isEqualTo(Map.of("name", "甲区"));
		assertThat(published.get(1).after()).isEqualTo(Map.of("name", "乙区"));
		assertThat(published.get(5).communityId()).isEqualTo(community.id());
		assertThat(published.get(5).after()).containsEntry("name", "乙社区").containsEntry("timeZone", "Asia/Shanghai");
	}

	private List<AdministrativeAction> published() {
		return this.events.stream(AdministrativeAction.class).toList();
	}

}
