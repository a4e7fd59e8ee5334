package org.qibao.merchant;

import java.util.HashMap;
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
import org.qibao.shared.NodeType;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class MerchantController {

	private final Merchants merchants;

	private final Geography geography;

	private final UserErrors userErrors;

	MerchantController(Merchants merchants, Geography geography, UserErrors userErrors) {
		this.merchants = merchants;
		this.geography = geography;
		this.userErrors = userErrors;
	}

	@MutationMapping
	MerchantPayload merchantApprove(@Argument MerchantInput input, @AuthenticationPrincipal Actor actor, Locale locale) {
		return setStatus(input, actor, locale, MerchantStatus.APPROVED);
	}

	@MutationMapping
	MerchantPayload merchantSuspend(@Argument MerchantInput input, @AuthenticationPrincipal Actor actor, Locale locale) {
		return setStatus(input, actor, locale, MerchantStatus.SUSPENDED);
	}

	/** Only an administrator of the merchant's own community changes its standing. */
	private MerchantPayload setStatus(MerchantInput input, Actor actor, Locale locale, MerchantStatus status) {
		Actor signedIn = Actor.signedIn(actor);
		Merchant merchant = this.merchants.find(GlobalId.keyOf(input.merchantId(), "Merchant"))
			.orElseThrow(() -> new AccessDeniedException("Not allowed"));
		signedIn.require(Role.ADMINISTRATOR, merchant.communityId());
		try {
			return new MerchantPayload(this.merchants.setStatus(merchant.id(), status), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new MerchantPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record MerchantInput(String merchantId) {
	}

	record MerchantPayload(Merchant merchant, List<UserError> userErrors) {
	}

	@BatchMapping(typeName = "Community")
	Map<Community, List<Merchant>> merchants(List<Community> communities) {
		Map<Long, List<Merchant>> byCommunity = this.merchants
			.ofCommunities(communities.stream().map(Community::id).toList())
			.stream()
			.collect(Collectors.groupingBy(Merchant::communityId));
		return communities.stream()
			.collect(Collectors.toMap(Function.identity(), c -> byCommunity.getOrDefault(c.id(), List.of())));
	}

	@BatchMapping(typeName = "Merchant")
	Map<Merchant, Community> community(List<Merchant> merchants) {
		Map<Long, Community> communities = this.geography
			.communities(merchants.stream().map(Merchant::communityId).toList());
		Map<Merchant, Community> result = new HashMap<>();
		merchants.forEach(m -> result.put(m, communities.get(m.communityId())));
		return result;
	}

	@Bean
	static NodeType<Merchant> merchantNodeType(Merchants merchants) {
		return NodeType.of("Merchant", merchants::findAll);
	}

}
