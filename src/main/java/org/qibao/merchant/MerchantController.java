package org.qibao.merchant;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

@Controller
class MerchantController {

	private final Merchants merchants;

	private final Geography geography;

	MerchantController(Merchants merchants, Geography geography) {
		this.merchants = merchants;
		this.geography = geography;
	}

	/** Applications still pending, and rejected ones, are shown only to the community's administrators. */
	@BatchMapping(typeName = "Community")
	Map<Community, List<Merchant>> merchants(List<Community> communities, Principal principal) {
		Actor viewer = Viewer.of(principal);
		Map<Long, List<Merchant>> byCommunity = this.merchants
			.ofCommunities(communities.stream().map(Community::id).toList())
			.stream()
			.filter(m -> Viewer.isPublic(m) || (viewer != null && viewer.has(Role.ADMINISTRATOR, m.communityId())))
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

}
