package org.qibao.gamification;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Community goals: the administrator sets them, everyone sees the month's progress. */
@Controller
class GoalController {

	private final CommunityGoals goals;

	private final CommunityPlaces places;

	private final Geography geography;

	private final UserErrors userErrors;

	GoalController(CommunityGoals goals, CommunityPlaces places, Geography geography, UserErrors userErrors) {
		this.goals = goals;
		this.places = places;
		this.geography = geography;
		this.userErrors = userErrors;
	}

	@QueryMapping
	List<CommunityGoal> communityGoals(@Argument String communityId) {
		return this.places.of(GlobalId.keyOf(communityId, "Community")).map(this.goals::current).orElse(List.of());
	}

	record CommunityGoalSetInput(String communityId, YearMonth month, String metric, int target, String titleZhCN,
			String titleEn) {
	}

	record CommunityGoalSetPayload(CommunityGoal goal, List<UserError> userErrors) {
	}

	@MutationMapping
	CommunityGoalSetPayload communityGoalSet(@Argument CommunityGoalSetInput input, Actor actor, Locale locale) {
		long community = GlobalId.keyOf(input.communityId(), "Community");
		Actor.signedIn(actor).require(Role.ADMINISTRATOR, community);
		try {
			this.places.of(community).orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "communityId"));
			return new CommunityGoalSetPayload(this.goals.set(community, input.month(), input.metric(), input.target(),
					input.titleZhCN(), input.titleEn(), actor.accountId()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new CommunityGoalSetPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@BatchMapping(typeName = "CommunityGoal")
	Map<CommunityGoal, Integer> progress(List<CommunityGoal> goals) {
		Map<CommunityGoal, Integer> progress = new LinkedHashMap<>();
		for (CommunityGoal goal : goals) {
			progress.put(goal, this.places.of(goal.communityId()).map(p -> this.goals.progress(goal, p)).orElse(0));
		}
		return progress;
	}

	@BatchMapping(typeName = "CommunityGoal")
	Map<CommunityGoal, Community> community(List<CommunityGoal> goals) {
		Map<Long, Community> found = this.geography.communities(goals.stream().map(CommunityGoal::communityId).distinct().toList());
		Map<CommunityGoal, Community> out = new LinkedHashMap<>();
		goals.forEach(g -> out.put(g, found.get(g.communityId())));
		return out;
	}

}
