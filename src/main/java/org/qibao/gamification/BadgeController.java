package org.qibao.gamification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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

/** A community's badges, and the administrator's editor for them. */
@Controller
class BadgeController {

	private final BadgeCatalog catalog;

	private final Badges badges;

	private final CommunityPlaces places;

	private final Geography geography;

	private final UserErrors userErrors;

	BadgeController(BadgeCatalog catalog, Badges badges, CommunityPlaces places, Geography geography,
			UserErrors userErrors) {
		this.catalog = catalog;
		this.badges = badges;
		this.places = places;
		this.geography = geography;
		this.userErrors = userErrors;
	}

	@QueryMapping
	List<Badge> badges(@Argument String communityId) {
		long community = GlobalId.keyOf(communityId, "Community");
		this.places.of(community);
		return this.badges.ofCommunity(community);
	}

	@BatchMapping(typeName = "Badge")
	Map<Badge, Community> community(List<Badge> badges) {
		Map<Long, Community> found = this.geography.communities(badges.stream().map(Badge::communityId).distinct().toList());
		return badges.stream().collect(Collectors.toMap(Function.identity(), b -> found.get(b.communityId()), (a, b) -> a));
	}

	record RuleInput(String metric, int threshold, String window, String beforeTime, String weekday) {

		BadgeRule parse() {
			return BadgeRule.parse(this.metric, this.threshold, this.window, this.beforeTime, this.weekday);
		}

	}

	record BadgeCreateInput(String communityId, String key, String nameZhCN, String nameEn, String descriptionZhCN,
			String descriptionEn, RuleInput rule) {
	}

	record BadgeUpdateInput(String badgeId, String nameZhCN, String nameEn, String descriptionZhCN, String descriptionEn,
			RuleInput rule, Boolean active) {
	}

	record BadgePayload(Badge badge, int backfilledAwards, List<UserError> userErrors) {
	}

	@MutationMapping
	BadgePayload badgeCreate(@Argument BadgeCreateInput input, Actor actor, Locale locale) {
		long community = GlobalId.keyOf(input.communityId(), "Community");
		Actor.signedIn(actor).require(Role.ADMINISTRATOR, community);
		try {
			CommunityPlace place = this.places.of(community).orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "communityId"));
			Badge badge = this.catalog.create(community, input.key(),
					BadgeCatalog.texts(input.nameZhCN(), input.nameEn(), input.descriptionZhCN(), input.descriptionEn()),
					input.rule().parse(), actor.accountId());
			int awards = this.badges.backfill(badge.id(), place);
			return new BadgePayload(badge, awards, List.of());
		}
		catch (BusinessRuleException refusal) {
			return new BadgePayload(null, 0, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@MutationMapping
	BadgePayload badgeUpdate(@Argument BadgeUpdateInput input, Actor actor, Locale locale) {
		// anonymous callers are refused before they learn whether the badge exists
		Actor signedIn = Actor.signedIn(actor);
		long badgeId = GlobalId.keyOf(input.badgeId(), "Badge");
		Badge existing = this.badges.findOfCommunities(List.of(badgeId)).get(badgeId);
		if (existing == null) {
			throw new GlobalId.InvalidIdException(input.badgeId());
		}
		signedIn.require(Role.ADMINISTRATOR, existing.communityId());
		try {
			CommunityPlace place = this.places.of(existing.communityId()).orElseThrow();
			BadgeRule rule = input.rule() == null ? null : input.rule().parse();
			Badge badge = this.catalog.update(existing, input.nameZhCN(), input.nameEn(), input.descriptionZhCN(),
					input.descriptionEn(), rule, input.active(), actor.accountId());
			int awards = this.badges.backfill(badge.id(), place);
			return new BadgePayload(badge, awards, List.of());
		}
		catch (BusinessRuleException refusal) {
			return new BadgePayload(null, 0, List.of(this.userErrors.of(refusal, locale)));
		}
	}

}
