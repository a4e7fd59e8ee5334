package org.qibao.timebank;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** What administrators see of the time bank: their community's totals and the ledger's health. */
@Controller
class LedgerAdminController {

	private final CommunityTotals totals;

	private final TimeBank timeBank;

	private final Policies policies;

	private final Geography geography;

	private final UserErrors userErrors;

	LedgerAdminController(CommunityTotals totals, TimeBank timeBank, Policies policies, Geography geography,
			UserErrors userErrors) {
		this.totals = totals;
		this.timeBank = timeBank;
		this.policies = policies;
		this.geography = geography;
		this.userErrors = userErrors;
	}

	@QueryMapping
	CommunityTotals.TimeBankOverview timeBankOverview(@Argument String communityId, Actor actor) {
		long id = GlobalId.keyOf(communityId, "Community");
		Actor.signedIn(actor).require(Role.ADMINISTRATOR, id);
		Community community = this.geography.communities(List.of(id)).get(id);
		return this.totals.of(id, community.timeZone());
	}

	@QueryMapping
	LedgerCheck ledgerCheck(Actor actor) {
		if (Actor.signedIn(actor).scopes(Role.ADMINISTRATOR).isEmpty()) {
			throw new AccessDeniedException("Not allowed");
		}
		return this.timeBank.checkInvariants();
	}

	@MutationMapping
	PolicyPayload timeBankPolicyUpdate(@Argument PolicyInput input, Actor actor,
			Locale locale) {
		long id = GlobalId.keyOf(input.communityId(), "Community");
		Actor.signedIn(actor).require(Role.ADMINISTRATOR, id);
		TimeBankPolicy asked = new TimeBankPolicy(id, input.dailyEarningCap(), input.totalEarningCap(),
				input.giftMaxMinutes(), input.giftMonthlyMinutes());
		try {
			return new PolicyPayload(this.policies.update(actor.accountId(), asked, input.correctionApprovalThreshold()),
					List.of());
		}
		catch (BusinessRuleException refusal) {
			return new PolicyPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@BatchMapping(typeName = "TimeBankOverview")
	Map<CommunityTotals.TimeBankOverview, Community> community(List<CommunityTotals.TimeBankOverview> overviews) {
		Map<Long, Community> communities = this.geography
			.communities(PassbookController.ids(overviews, CommunityTotals.TimeBankOverview::communityId));
		return PassbookController.by(overviews, o -> communities.get(o.communityId()));
	}

	@BatchMapping(typeName = "Community")
	Map<Community, TimeBankPolicy> timeBankPolicy(List<Community> communities) {
		Map<Long, TimeBankPolicy> policies = this.policies.of(PassbookController.ids(communities, Community::id));
		return PassbookController.by(communities, c -> policies.get(c.id()));
	}

	record PolicyInput(String communityId, int dailyEarningCap, Integer totalEarningCap, int giftMaxMinutes,
			int giftMonthlyMinutes, Integer correctionApprovalThreshold) {
	}

	record PolicyPayload(TimeBankPolicy policy, List<UserError> userErrors) {
	}

}
