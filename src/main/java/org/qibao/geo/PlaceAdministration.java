package org.qibao.geo;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's administrators draw its districts, streets and communities; a community's own
 * administrators may rename it and set its time zone. Each change is published as an
 * {@link AdministrativeAction} in its transaction.
 */
@Service
class PlaceAdministration {

	private final GeographyRepository repository;

	private final ApplicationEventPublisher events;

	PlaceAdministration(GeographyRepository repository, ApplicationEventPublisher events) {
		this.repository = repository;
		this.events = events;
	}

	@Transactional
	Place.District createDistrict(Actor actor, long cityId, String name) {
		requireCity(actor, cityId);
		String named = checkedName(name, "district", "city_id", cityId, 0);
		long id = this.repository.insertDistrict(cityId, named);
		publish(actor, null, "geo.districtCreate", "District", id, Map.of(), Map.of("name", named, "cityId", cityId));
		return new Place.District(id, cityId, named);
	}

	@Transactional
	Place.District renameDistrict(Actor actor, long districtId, String name) {
		Place.District district = this.repository.districts(List.of(districtId)).stream().findFirst()
			.orElseThrow(PlaceAdministration::forbidden);
		requireCity(actor, district.cityId());
		String named = checkedName(name, "district", "city_id", district.cityId(), districtId);
		this.repository.renameDistrict(districtId, named);
		publish(actor, null, "geo.districtRename", "District", districtId, Map.of("name", district.name()),
				Map.of("name", named));
		return new Place.District(districtId, district.cityId(), named);
	}

	@Transactional
	Place.Street createStreet(Actor actor, long districtId, String name) {
		Place.District district = this.repository.districts(List.of(districtId)).stream().findFirst()
			.orElseThrow(PlaceAdministration::forbidden);
		requireCity(actor, district.cityId());
		String named = checkedName(name, "street", "district_id", districtId, 0);
		long id = this.repository.insertStreet(districtId, named);
		publish(actor, null, "geo.streetCreate", "Street", id, Map.of(), Map.of("name", named, "districtId", districtId));
		return new Place.Street(id, districtId, named);
	}

	@Transactional
	Place.Street renameStreet(Actor actor, long streetId, String name) {
		Place.Street street = street(streetId);
		requireCity(actor, cityOfStreet(street));
		String named = checkedName(name, "street", "district_id", street.districtId(), streetId);
		this.repository.renameStreet(streetId, named);
		publish(actor, null, "geo.streetRename", "Street", streetId, Map.of("name", street.name()), Map.of("name", named));
		return new Place.Street(streetId, street.districtId(), named);
	}

	@Transactional
	Community createCommunity(Actor actor, long streetId, String name, String timeZone) {
		Place.Street street = street(streetId);
		requireCity(actor, cityOfStreet(street));
		String named = checkedName(name, "community", "street_id", streetId, 0);
		checkTimeZone(timeZone);
		long id = this.repository.insertCommunity(streetId, named, timeZone);
		publish(actor, id, "geo.communityCreate", "Community", id, Map.of(),
				Map.of("name", named, "timeZone", timeZone, "streetId", streetId));
		return new Community(id, streetId, named, timeZone);
	}

	/** Renames a community or sets its time zone: its city's administrators, or its own. */
	@Transactional
	Community updateCommunity(Actor actor, long communityId, String name, String timeZone) {
		Community community = this.repository.communities(List.of(communityId)).stream().findFirst()
			.orElseThrow(PlaceAdministration::forbidden);
		if (!actor.has(Role.ADMINISTRATOR, communityId)) {
			requireCity(actor, cityOfStreet(street(community.streetId())));
		}
		String named = name == null ? community.name()
				: checkedName(name, "community", "street_id", community.streetId(), communityId);
		String zone = timeZone == null ? community.timeZone() : timeZone;
		checkTimeZone(zone);
		this.repository.updateCommunity(communityId, named, zone);
		publish(actor, communityId, "geo.communityUpdate", "Community", communityId,
				Map.of("name", community.name(), "timeZone", community.timeZone()), Map.of("name", named, "timeZone", zone));
		return new Community(communityId, community.streetId(), named, zone);
	}

	private Place.Street street(long streetId) {
		return this.repository.streets(List.of(streetId)).stream().findFirst().orElseThrow(PlaceAdministration::forbidden);
	}

	private long cityOfStreet(Place.Street street) {
		return this.repository.districts(List.of(street.districtId())).get(0).cityId();
	}

	/** Refuses anyone but the city's administrators; a place that does not exist gets the same answer. */
	private static void requireCity(Actor actor, long cityId) {
		actor.require(Role.CITY_ADMINISTRATOR, cityId);
	}

	private static AccessDeniedException forbidden() {
		return new AccessDeniedException("Not allowed");
	}

	private String checkedName(String name, String table, String parentColumn, long parentId, long exceptId) {
		String trimmed = name == null ? "" : name.trim();
		if (trimmed.isEmpty() || trimmed.length() > 60) {
			throw new BusinessRuleException("INVALID_INPUT", "name");
		}
		if (this.repository.nameTaken(table, parentColumn, parentId, trimmed, exceptId)) {
			throw new BusinessRuleException("DUPLICATE_NAME", "name");
		}
		return trimmed;
	}

	/** Only region-based IANA zones ({@code Asia/Shanghai}), not offsets, which know no daylight saving. */
	static void checkTimeZone(String timeZone) {
		try {
			if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
				throw new DateTimeException(String.valueOf(timeZone));
			}
			ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			throw new BusinessRuleException("INVALID_TIME_ZONE", "timeZone");
		}
	}

	private void publish(Actor actor, Long communityId, String action, String type, long id, Map<String, Object> before,
			Map<String, Object> after) {
		this.events.publishEvent(new AdministrativeAction(actor.accountId(), communityId, action, type, id,
				new LinkedHashMap<>(before), new LinkedHashMap<>(after)));
	}

}
