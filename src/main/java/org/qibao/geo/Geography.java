package org.qibao.geo;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The geography module's API: the administrative levels, grids and their boundaries, and
 * which grid a point lies in.
 */
@Service
public class Geography {

	private final GeographyRepository repository;

	private final GridDrawing drawing;

	Geography(GeographyRepository repository, GridDrawing drawing) {
		this.repository = repository;
		this.drawing = drawing;
	}

	@Transactional
	public long createCity(String name) {
		return this.repository.insertCity(name);
	}

	@Transactional
	public long createDistrict(long cityId, String name) {
		return this.repository.insertDistrict(cityId, name);
	}

	@Transactional
	public long createStreet(long districtId, String name) {
		return this.repository.insertStreet(districtId, name);
	}

	@Transactional
	public long createCommunity(long streetId, String name, String timeZone) {
		try {
			ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			throw new BusinessRuleException("INVALID_TIME_ZONE", "timeZone");
		}
		return this.repository.insertCommunity(streetId, name, timeZone);
	}

	/** Draws a grid; refuses an invalid boundary, one overlapping another grid, or a code the community already uses. */
	@Transactional
	public Grid createGrid(long communityId, String code, String name, String geoJson) {
		return this.drawing.create(communityId, code, name, geoJson);
	}

	@Transactional
	public Grid redrawGrid(long gridId, String geoJson) {
		Grid grid = grids(List.of(gridId)).get(gridId);
		if (grid == null) {
			throw new BusinessRuleException("NOT_FOUND", "gridId");
		}
		return this.drawing.change(grid, null, null, geoJson);
	}

	/** The grid a point lies in; when grids overlap on their borders, the oldest. */
	public Optional<Grid> gridAt(GeoPoint point) {
		if (!point.isValid()) {
			throw new BusinessRuleException("INVALID_COORDINATES", "point");
		}
		return this.repository.gridsAround(point)
			.stream()
			.filter(grid -> Boundary.stored(grid.boundary()).covers(point))
			.findFirst();
	}

	/** How far a point lies outside a grid, in metres: 0 when it is inside. */
	public double metresOutside(Grid grid, GeoPoint point) {
		return Boundary.stored(grid.boundary()).metresOutside(point);
	}

	public boolean hasCommunities() {
		return this.repository.communityCount() > 0;
	}

	public Map<Long, Community> communities(Collection<Long> ids) {
		return byId(this.repository.communities(ids), Community::id);
	}

	/** The city each of these communities lies in, by community; the case feed runs one stream per city. */
	public Map<Long, Long> citiesOf(Collection<Long> communityIds) {
		return this.repository.citiesOfCommunities(communityIds);
	}

	/** The grids by id; none asked, no statement (a leaderboard page asks for a volunteer's grids: none). */
	public Map<Long, Grid> grids(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return new java.util.HashMap<>();
		}
		return byId(this.repository.grids(ids), Grid::id);
	}

	/** The city each of these streets lies in, by street id. */
	public Map<Long, Long> citiesOfStreets(Collection<Long> streetIds) {
		Map<Long, Long> districtOfStreet = this.repository.streets(streetIds)
			.stream()
			.collect(Collectors.toMap(Place.Street::id, Place.Street::districtId));
		Map<Long, Long> cityOfDistrict = this.repository.districts(districtOfStreet.values())
			.stream()
			.collect(Collectors.toMap(Place.District::id, Place.District::cityId));
		return districtOfStreet.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> cityOfDistrict.get(e.getValue())));
	}

	public List<Grid> gridsOf(long communityId) {
		return this.repository.gridsOfCommunities(List.of(communityId));
	}

	static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
		return items.stream().collect(Collectors.toMap(id, Function.identity()));
	}

}
