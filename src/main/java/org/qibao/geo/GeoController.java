package org.qibao.geo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.Connection;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Controller
class GeoController {

	private final Geography geography;

	private final GridAdministration administration;

	private final GeographyRepository repository;

	private final Accounts accounts;

	private final UserErrors userErrors;

	private final JsonMapper json;

	GeoController(Geography geography, GridAdministration administration, GeographyRepository repository,
			Accounts accounts, UserErrors userErrors, JsonMapper json) {
		this.geography = geography;
		this.administration = administration;
		this.repository = repository;
		this.accounts = accounts;
		this.userErrors = userErrors;
		this.json = json;
	}

	@QueryMapping
	List<Place.City> cities() {
		return this.repository.cities();
	}

	@QueryMapping
	Connection<Community> communities(@Argument Integer first, @Argument String after) {
		Connection.Page page = Connection.Page.of(first, after);
		return Connection.of(this.repository.communityPage(page.offset(), page.limit()), page,
				this.repository.communityCount());
	}

	@QueryMapping
	Grid gridAt(@Argument GeoPoint point) {
		return this.geography.gridAt(point).orElse(null);
	}

	@BatchMapping(typeName = "City")
	Map<Place.City, List<Place.District>> districts(List<Place.City> cities) {
		return children(cities, Place.City::id, this.repository.districtsOfCities(ids(cities, Place.City::id)),
				Place.District::cityId);
	}

	@BatchMapping(typeName = "District")
	Map<Place.District, Place.City> city(List<Place.District> districts) {
		return parents(districts, Place.District::cityId,
				Geography.byId(this.repository.cities(ids(districts, Place.District::cityId)), Place.City::id));
	}

	@BatchMapping(typeName = "District")
	Map<Place.District, List<Place.Street>> streets(List<Place.District> districts) {
		return children(districts, Place.District::id,
				this.repository.streetsOfDistricts(ids(districts, Place.District::id)), Place.Street::districtId);
	}

	@BatchMapping(typeName = "Street")
	Map<Place.Street, Place.District> district(List<Place.Street> streets) {
		return parents(streets, Place.Street::districtId,
				Geography.byId(this.repository.districts(ids(streets, Place.Street::districtId)), Place.District::id));
	}

	@BatchMapping(typeName = "Street")
	Map<Place.Street, List<Community>> communities(List<Place.Street> streets) {
		return children(streets, Place.Street::id, this.repository.communitiesOfStreets(ids(streets, Place.Street::id)),
				Community::streetId);
	}

	@BatchMapping(typeName = "Community")
	Map<Community, Place.Street> street(List<Community> communities) {
		return parents(communities, Community::streetId,
				Geography.byId(this.repository.streets(ids(communities, Community::streetId)), Place.Street::id));
	}

	@BatchMapping(typeName = "Community")
	Map<Community, List<Grid>> grids(List<Community> communities) {
		return children(communities, Community::id, this.repository.gridsOfCommunities(ids(communities, Community::id)),
				Grid::communityId);
	}

	@BatchMapping(typeName = "Grid")
	Map<Grid, Community> community(List<Grid> grids) {
		return parents(grids, Grid::communityId, this.geography.communities(ids(grids, Grid::communityId)));
	}

	@BatchMapping(typeName = "Grid")
	Map<Grid, List<Account>> workers(List<Grid> grids) {
		Map<Long, List<Account>> holders = this.accounts.holders(Role.GRID_WORKER, ids(grids, Grid::id));
		return grids.stream().collect(Collectors.toMap(Function.identity(), g -> holders.get(g.id())));
	}

	@SchemaMapping(typeName = "Grid")
	Map<String, Object> boundary(Grid grid) {
		return this.json.readValue(grid.boundary(), new TypeReference<Map<String, Object>>() {
		});
	}

	@MutationMapping
	GridPayload gridCreate(@Argument GridCreateInput input, Actor actor, Locale locale) {
		long communityId = GlobalId.keyOf(input.communityId(), "Community");
		Actor signedIn = Actor.signedIn(actor);
		return attempt(() -> this.administration.create(signedIn, communityId, input.code(), input.name(),
				geoJson(input.boundary())), locale);
	}

	@MutationMapping
	GridPayload gridBoundaryUpdate(@Argument GridBoundaryUpdateInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long gridId = GlobalId.keyOf(input.gridId(), "Grid");
		return attempt(() -> this.administration.change(signedIn, gridId, null, null, geoJson(input.boundary()),
				"geo.gridBoundaryUpdate"), locale);
	}

	@MutationMapping
	GridPayload gridUpdate(@Argument GridUpdateInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long gridId = GlobalId.keyOf(input.gridId(), "Grid");
		String boundary = input.boundary() == null ? null : geoJson(input.boundary());
		return attempt(() -> this.administration.change(signedIn, gridId, input.code(), input.name(), boundary,
				"geo.gridUpdate"), locale);
	}

	@MutationMapping
	GridPayload gridWorkerAssign(@Argument GridWorkerAssignInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long gridId = GlobalId.keyOf(input.gridId(), "Grid");
		Long accountId = input.accountId() == null ? null : GlobalId.keyOf(input.accountId(), "Account");
		return attempt(() -> this.administration.assignWorker(signedIn, gridId, accountId, input.phone()), locale);
	}

	@MutationMapping
	GridPayload gridWorkerUnassign(@Argument GridWorkerUnassignInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long gridId = GlobalId.keyOf(input.gridId(), "Grid");
		long accountId = GlobalId.keyOf(input.accountId(), "Account");
		return attempt(() -> this.administration.unassignWorker(signedIn, gridId, accountId), locale);
	}

	private GridPayload attempt(java.util.function.Supplier<Grid> change, Locale locale) {
		try {
			return new GridPayload(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new GridPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	private String geoJson(Object boundary) {
		return boundary == null ? "" : this.json.writeValueAsString(boundary);
	}

	private static <T> List<Long> ids(List<T> items, Function<T, Long> id) {
		return items.stream().map(id).distinct().toList();
	}

	private static <P, C> Map<P, List<C>> children(List<P> parents, Function<P, Long> parentId, List<C> children,
			Function<C, Long> childParentId) {
		Map<Long, List<C>> byParent = children.stream().collect(Collectors.groupingBy(childParentId));
		return parents.stream()
			.collect(Collectors.toMap(Function.identity(), p -> byParent.getOrDefault(parentId.apply(p), List.of()),
					(a, b) -> a));
	}

	private static <C, P> Map<C, P> parents(List<C> children, Function<C, Long> parentId, Map<Long, P> parents) {
		Map<C, P> result = new java.util.HashMap<>();
		children.forEach(c -> result.put(c, parents.get(parentId.apply(c))));
		return result;
	}

	record GridCreateInput(String communityId, String code, String name, Object boundary) {
	}

	record GridBoundaryUpdateInput(String gridId, Object boundary) {
	}

	record GridWorkerAssignInput(String gridId, String accountId, String phone) {
	}

	record GridUpdateInput(String gridId, String code, String name, Object boundary) {
	}

	record GridWorkerUnassignInput(String gridId, String accountId) {
	}

	/** The payload shared by the grid mutations: the grid as it is now, or why nothing changed. */
	record GridPayload(Grid grid, List<UserError> userErrors) {
	}

}
