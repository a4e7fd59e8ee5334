package org.qibao.merchant;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shops, offers and redemption codes by ID, for those their own queries show them to: a public
 * shop to anyone and an application only to insiders ({@link Viewer#insider}); an offer on sale
 * to anyone and any other only to its shop's insiders; a code to its volunteer, and without its QR
 * token to the shop's staff and the community's administrators (as {@code merchantRedemptions}).
 */
@Configuration(proxyBeanMethods = false)
class MerchantNodeTypes {

	@Bean
	NodeType<Merchant> merchantNodeType(Merchants merchants, MerchantApplications applications) {
		return NodeType.of("Merchant", merchants::findAll, (found, viewer) -> {
			Set<Long> inside = insiderOf(applications, found.values(), Viewer.of(viewer));
			return filter(found, shop -> Viewer.isPublic(shop) || inside.contains(shop.id()));
		});
	}

	@Bean
	NodeType<Offer> offerNodeType(Offers offers, Merchants merchants, MerchantApplications applications) {
		return NodeType.of("Offer", offers::findAll, (found, viewer) -> {
			Map<Long, Merchant> shops = merchants.findAll(found.values().stream().map(Offer::merchantId).distinct().toList());
			Set<Long> inside = insiderOf(applications, shops.values(), Viewer.of(viewer));
			Instant now = Instant.now();
			return filter(found, offer -> inside.contains(offer.merchantId())
					|| (shops.get(offer.merchantId()).approved() && offer.current(now)));
		});
	}

	@Bean
	NodeType<Redemption> redemptionNodeType(Redemptions redemptions) {
		return NodeType.of("Redemption", redemptions::findAll, (found, viewer) -> {
			Actor actor = Viewer.of(viewer);
			Map<Long, Redemption> visible = new HashMap<>();
			if (actor == null) {
				return visible;
			}
			found.forEach((id, code) -> {
				if (code.volunteerId() == actor.accountId()) {
					visible.put(id, code);
				}
				else if (actor.has(Role.MERCHANT_STAFF, code.merchantId()) || actor.has(Role.ADMINISTRATOR, code.communityId())) {
					visible.put(id, code.forStaff());
				}
			});
			return visible;
		});
	}

	/** The shops, of these, whose application, staff and every offer the actor sees. */
	private static Set<Long> insiderOf(MerchantApplications applications, Collection<Merchant> shops, Actor actor) {
		if (actor == null) {
			return Set.of();
		}
		Map<Long, MerchantApplication> applied = applications.findAll(shops.stream().map(Merchant::id).toList());
		return shops.stream()
			.filter(shop -> Viewer.insider(actor, shop.id(), shop.communityId(),
					applied.containsKey(shop.id()) ? applied.get(shop.id()).applicantId() : null))
			.map(Merchant::id)
			.collect(Collectors.toSet());
	}

	private static <T> Map<Long, T> filter(Map<Long, T> found, java.util.function.Predicate<T> visible) {
		return found.entrySet()
			.stream()
			.filter(e -> visible.test(e.getValue()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
