package org.qibao.gamification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ErrorClassification;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.Connection;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The signed-in volunteer's points, level, badges, streak and ranks in one community. */
@Controller
class ProfileController {

	private final CommunityPlaces places;

	private final PointsLedger ledger;

	private final Levels levels;

	private final Badges badges;

	private final Streaks streaks;

	private final Leaderboards leaderboards;

	private final Accounts accounts;

	private final Geography geography;

	private final UserErrors userErrors;

	ProfileController(CommunityPlaces places, PointsLedger ledger, Levels levels, Badges badges, Streaks streaks,
			Leaderboards leaderboards, Accounts accounts, Geography geography, UserErrors userErrors) {
		this.places = places;
		this.ledger = ledger;
		this.levels = levels;
		this.badges = badges;
		this.streaks = streaks;
		this.leaderboards = leaderboards;
		this.accounts = accounts;
		this.geography = geography;
		this.userErrors = userErrors;
	}

	/** One volunteer in one community; its figures are read once per request. */
	record Profile(long accountId, CommunityPlace place, int points, List<Levels.Level> ladder) {

		Levels.Level level() {
			return Levels.reached(this.ladder, this.points);
		}

	}

	@QueryMapping
	Profile gamification(@Argument String communityId, Actor actor) {
		Actor me = Actor.signedIn(actor);
		Set<Long> volunteering = me.scopes(Role.VOLUNTEER);
		Long community = communityId != null ? Long.valueOf(GlobalId.keyOf(communityId, "Community"))
				: volunteering.stream().min(Long::compare).orElse(null);
		if (community == null) {
			return null;
		}
		CommunityPlace place = this.places.of(community).orElse(null);
		if (place == null) {
			return null;
		}
		return new Profile(me.accountId(), place, this.ledger.balance(me.accountId(), community),
				this.levels.ladder(community));
	}

	@SchemaMapping(typeName = "GamificationProfile")
	Community community(Profile profile) {
		return this.geography.communities(List.of(profile.place().communityId())).get(profile.place().communityId());
	}

	@SchemaMapping(typeName = "GamificationProfile")
	Account account(Profile profile) {
		return this.accounts.findAll(List.of(profile.accountId())).get(profile.accountId());
	}

	@SchemaMapping(typeName = "GamificationProfile")
	Levels.Level nextLevel(Profile profile) {
		return Levels.next(profile.ladder(), profile.level());
	}

	@SchemaMapping(typeName = "GamificationProfile")
	Integer pointsToNextLevel(Profile profile) {
		Levels.Level next = Levels.next(profile.ladder(), profile.level());
		return next == null ? null : next.threshold() - profile.points();
	}

	@SchemaMapping(typeName = "GamificationProfile")
	Connection<PointsEntry> pointsHistory(Profile profile, @Argument Integer first, @Argument String after) {
		return this.ledger.history(profile.accountId(), profile.place().communityId(), Connection.Page.of(first, after));
	}

	@SchemaMapping(typeName = "GamificationProfile")
	List<Badges.Earned> badges(Profile profile) {
		return this.badges.earned(profile.accountId(), profile.place().communityId());
	}

	record Progress(Badge badge, int current, int threshold) {
	}

	@SchemaMapping(typeName = "GamificationProfile")
	List<Progress> nextBadges(Profile profile) {
		Set<Long> earned = new java.util.HashSet<>(this.badges.earned(profile.accountId(), profile.place().communityId())
			.stream()
			.filter(e -> e.badge().rule().window() == BadgeRule.Window.ALL_TIME)
			.map(e -> e.badge().id())
			.toList());
		List<Progress> progress = new ArrayList<>();
		for (Badge badge : this.badges.ofCommunity(profile.place().communityId())) {
			if (badge.active() && !earned.contains(badge.id())) {
				int current = this.badges.progress(badge, profile.accountId(), profile.place());
				if (current < badge.rule().threshold()) {
					progress.add(new Progress(badge, current, badge.rule().threshold()));
				}
			}
		}
		progress.sort(Comparator.comparingDouble(p -> -(double) p.current() / p.threshold()));
		return progress;
	}

	record StreakView(int currentWeeks, int longestWeeks, boolean thisWeekCounted, int graceLeft, PauseView pause) {
	}

	record PauseView(String from, String until, String reason) {
	}

	@SchemaMapping(typeName = "GamificationProfile")
	StreakView streak(Profile profile) {
		StreakPolicy.State state = this.streaks.of(profile.accountId(), profile.place());
		Streaks.Pause pause = this.streaks.pauseToday(profile.accountId(), profile.place());
		return new StreakView(state.currentWeeks(), state.longestWeeks(), state.thisWeekCounted(), state.graceLeft(),
				pause == null ? null : new PauseView(pause.from().toString(), pause.until().toString(), pause.reason()));
	}

	record Rank(Board.Subject subject, Board.Scope scope, Board.Period period, int rank, long points, int of) {
	}

	/**
	 * The ranks, or none with an UNAVAILABLE error while Redis cannot be reached: ranks are non-null
	 * in the schema, so a thrown error would blank the whole profile, and points, level, badges and
	 * streak come from PostgreSQL and still stand. Declared as Object because the schema inspection
	 * does not look inside a DataFetcherResult and would report LeaderboardRank's fields unmapped.
	 */
	@SchemaMapping(typeName = "GamificationProfile")
	Object ranks(Profile profile, DataFetchingEnvironment env) {
		try {
			return DataFetcherResult.<List<Rank>>newResult().data(ranksOf(profile)).build();
		}
		catch (LeaderboardUnavailableException ex) {
			return DataFetcherResult.<List<Rank>>newResult()
				.data(List.of())
				.error(GraphqlErrorBuilder.newError(env)
					.errorType(ErrorClassification.errorClassification("UNAVAILABLE"))
					.message(this.userErrors.of(ex.code(), env.getLocale()).message())
					.extensions(Map.of("code", ex.code()))
					.build())
				.build();
		}
	}

	private List<Rank> ranksOf(Profile profile) {
		List<Rank> ranks = new ArrayList<>();
		CommunityPlace place = profile.place();
		for (Board.Scope scope : Board.Scope.values()) {
			long placeId = switch (scope) {
				case COMMUNITY -> place.communityId();
				case STREET -> place.streetId();
				case CITY -> place.cityId();
			};
			for (Board.Period period : Board.Period.values()) {
				Board board = this.leaderboards.current(Board.Subject.VOLUNTEERS, scope, placeId, period);
				if (board == null) {
					continue;
				}
				this.leaderboards.ensureBuilt(board);
				Long position = this.leaderboards.position(board, profile.accountId());
				if (position != null) {
					ranks.add(new Rank(Board.Subject.VOLUNTEERS, scope, period, position.intValue() + 1,
							this.leaderboards.pointsOf(board, profile.accountId()), (int) this.leaderboards.size(board)));
				}
			}
		}
		return ranks;
	}

	@QueryMapping
	List<Levels.Level> levels(@Argument String communityId) {
		return this.levels.ladder(GlobalId.keyOf(communityId, "Community"));
	}

	@SchemaMapping(typeName = "GamificationProfile")
	Levels.Level level(Profile profile) {
		return profile.level();
	}

	@SchemaMapping(typeName = "PointsEntry")
	java.time.Instant at(PointsEntry entry) {
		return entry.recordedAt();
	}

	@SchemaMapping(typeName = "PointsEntry")
	String sourceRef(PointsEntry entry) {
		return entry.sourceRef();
	}

}
