package org.qibao.location;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qibao.geo.Geography;
import org.qibao.geo.Grid;
import org.qibao.identity.Account;
import org.qibao.identity.Actor;
import org.qibao.location.PatrolSessions.ActiveCheckIn;
import org.qibao.location.LiveUpdates.LiveUpdate;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** The live map: who is patrolling where, now, for those allowed to see it. */
@Controller
class LiveMapController {

	static final String CHECK_IN = "CheckIn";

	private final LiveMap liveMap;

	private final LiveUpdates updates;

	private final LiveMapAccess access;

	private final Geography geography;

	private final PatrollerDetails details;

	private final LocationCheckIns checkIns;

	private final CoverageRecords records;

	LiveMapController(LiveMap liveMap, LiveUpdates updates, LiveMapAccess access, Geography geography,
			PatrollerDetails details, LocationCheckIns checkIns, CoverageRecords records) {
		this.liveMap = liveMap;
		this.updates = updates;
		this.access = access;
		this.geography = geography;
		this.details = details;
		this.checkIns = checkIns;
		this.records = records;
	}

	@QueryMapping
	List<LivePatroller> livePatrollersInGrid(@Argument String gridId, Actor actor) {
		Grid grid = grid(gridId);
		this.access.requireGrid(Actor.signedIn(actor), grid);
		return this.liveMap.inCommunity(grid.communityId())
			.stream()
			.filter(p -> p.concerns(grid.id()) && this.access.sees(actor, p))
			.toList();
	}

	@QueryMapping
	List<LivePatroller> livePatrollersInCommunity(@Argument String communityId, Actor actor) {
		long community = GlobalId.keyOf(communityId, "Community");
		this.access.requireCommunity(Actor.signedIn(actor), community);
		return this.liveMap.inCommunity(community).stream().filter(p -> this.access.sees(actor, p)).toList();
	}

	@QueryMapping
	List<LivePatroller> livePatrollersNear(@Argument String communityId, @Argument GeoPoint point,
			@Argument int radiusMetres, Actor actor) {
		long community = GlobalId.keyOf(communityId, "Community");
		this.access.requireCommunity(Actor.signedIn(actor), community);
		if (!point.isValid()) {
			throw new BusinessRuleException("INVALID_COORDINATES", "point");
		}
		if (radiusMetres < 1 || radiusMetres > 5000) {
			throw new BusinessRuleException("INVALID_INPUT", "radiusMetres");
		}
		return this.liveMap.near(community, point, radiusMetres).stream().filter(p -> this.access.sees(actor, p)).toList();
	}

	@QueryMapping
	List<TrackPoint> patrolTrack(@Argument String checkInId, @Argument Integer last,
			Actor actor) {
		// anonymous callers are refused before they learn whether the check-in exists
		Actor signedIn = Actor.signedIn(actor);
		int limit = (last == null) ? 100 : last;
		if (limit < 1 || limit > 500) {
			throw new BusinessRuleException("INVALID_INPUT", "last");
		}
		ActiveCheckIn checkIn = this.checkIns.find(GlobalId.keyOf(checkInId, CHECK_IN))
			.orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "checkInId"));
		this.access.requireTrack(signedIn, checkIn);
		if (this.records.find(checkIn.checkInId()).isPresent()) {
			return this.records.track(checkIn.checkInId(), limit);
		}
		return this.liveMap.recentTrack(checkIn.communityId(), checkIn.checkInId(), limit);
	}

	@SubscriptionMapping
	Flux<LiveUpdate> livePatrollerUpdates(@Argument String communityId, @Argument String gridId,
			Actor actor) {
		long community = GlobalId.keyOf(communityId, "Community");
		Long grid = null;
		if (gridId != null) {
			Grid found = grid(gridId);
			if (found.communityId() != community) {
				throw new BusinessRuleException("NOT_FOUND", "gridId");
			}
			this.access.requireGrid(Actor.signedIn(actor), found);
			grid = found.id();
		}
		this.access.requireCommunity(Actor.signedIn(actor), community);
		Long onlyGrid = grid;
		return this.updates.of(community)
			.filter(u -> (onlyGrid == null || u.patroller().concerns(onlyGrid)) && this.access.sees(actor, u.patroller()));
	}

	@SchemaMapping(typeName = "LivePatroller")
	String checkInId(LivePatroller patroller) {
		return GlobalId.encode(CHECK_IN, patroller.checkInId());
	}

	@SchemaMapping(typeName = "LivePatroller")
	boolean insidePatrolArea(LivePatroller patroller) {
		return patroller.inside();
	}

	@SchemaMapping(typeName = "TrackPoint")
	boolean insidePatrolArea(TrackPoint point) {
		return point.inside();
	}

	@BatchMapping(typeName = "LivePatroller")
	Map<LivePatroller, Account> account(List<LivePatroller> patrollers) {
		Map<Long, Account> found = this.details.accounts(patrollers.stream().map(LivePatroller::accountId).toList());
		Map<LivePatroller, Account> result = new HashMap<>();
		patrollers.forEach(p -> result.put(p, found.get(p.accountId())));
		return result;
	}

	@BatchMapping(typeName = "LivePatroller")
	Map<LivePatroller, Grid> grid(List<LivePatroller> patrollers) {
		Map<Long, Grid> found = this.details
			.grids(patrollers.stream().map(LivePatroller::gridId).filter(java.util.Objects::nonNull).toList());
		Map<LivePatroller, Grid> result = new HashMap<>();
		patrollers.forEach(p -> result.put(p, p.gridId() == null ? null : found.get(p.gridId())));
		return result;
	}

	private Grid grid(String gridId) {
		long id = GlobalId.keyOf(gridId, "Grid");
		Grid grid = this.geography.grids(List.of(id)).get(id);
		if (grid == null) {
			throw new BusinessRuleException("NOT_FOUND", "gridId");
		}
		return grid;
	}

}
