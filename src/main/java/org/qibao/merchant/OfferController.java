package org.qibao.merchant;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.geo.Community;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Offers: managed by the merchant's staff, browsed by volunteers. */
@Controller
class OfferController {

	private final Offers offers;

	private final Merchants merchants;

	private final UserErrors userErrors;

	OfferController(Offers offers, Merchants merchants, UserErrors userErrors) {
		this.offers = offers;
		this.merchants = merchants;
		this.userErrors = userErrors;
	}

	@QueryMapping
	List<Merchant> myMerchants(Actor actor) {
		return this.merchants.findAll(Actor.signedIn(actor).scopes(Role.MERCHANT_STAFF))
			.values()
			.stream()
			.sorted(java.util.Comparator.comparing(Merchant::name))
			.toList();
	}

	@QueryMapping
	List<Offer> merchantOffers(@Argument String merchantId, Actor actor) {
		return this.offers.ofMerchants(List.of(StaffAccess.merchant(actor, merchantId)));
	}

	/** Offers of the shops around the volunteer, in the communities where they volunteer (where they may redeem). */
	@QueryMapping
	List<NearbyOffer> offersNear(@Argument GeoPoint near, @Argument Integer radiusMetres, @Argument Integer first,
			Actor actor) {
		Actor volunteer = Actor.signedIn(actor);
		OfferSearchArea area = OfferSearchArea.around(near, radiusMetres);
		int size = (first == null) ? 50 : first;
		if (size < 1 || size > 100) {
			throw new org.qibao.shared.Connection.InvalidPageException("first must be between 1 and 100");
		}
		return this.offers.currentNear(volunteer.scopes(Role.VOLUNTEER), area, size);
	}

	@MutationMapping
	OfferPayload offerCreate(@Argument OfferCreateInput input, Actor actor, Locale locale) {
		long merchantId = StaffAccess.merchant(actor, input.merchantId());
		return change(locale, () -> this.offers.create(merchantId, input.terms()));
	}

	@MutationMapping
	OfferPayload offerUpdate(@Argument OfferUpdateInput input, Actor actor, Locale locale) {
		long offerId = ownOffer(actor, input.offerId());
		return change(locale, () -> this.offers.update(offerId, input.terms()));
	}

	@MutationMapping
	OfferPayload offerPause(@Argument OfferInput input, Actor actor, Locale locale) {
		long offerId = ownOffer(actor, input.offerId());
		return change(locale, () -> this.offers.setStatus(offerId, OfferStatus.PAUSED));
	}

	@MutationMapping
	OfferPayload offerResume(@Argument OfferInput input, Actor actor, Locale locale) {
		long offerId = ownOffer(actor, input.offerId());
		return change(locale, () -> this.offers.setStatus(offerId, OfferStatus.ACTIVE));
	}

	@MutationMapping
	OfferPayload offerEnd(@Argument OfferInput input, Actor actor, Locale locale) {
		long offerId = ownOffer(actor, input.offerId());
		return change(locale, () -> this.offers.setStatus(offerId, OfferStatus.ENDED));
	}

	@BatchMapping(typeName = "Offer")
	Map<Offer, Merchant> merchant(List<Offer> offers) {
		Map<Long, Merchant> byId = this.merchants.findAll(offers.stream().map(Offer::merchantId).distinct().toList());
		return offers.stream().distinct().collect(Collectors.toMap(Function.identity(), o -> byId.get(o.merchantId())));
	}

	@BatchMapping(typeName = "Merchant")
	Map<Merchant, List<Offer>> offers(List<Merchant> merchants) {
		Map<Long, List<Offer>> current = this.offers.currentIn(merchants.stream().map(Merchant::communityId).distinct().toList())
			.stream()
			.collect(Collectors.groupingBy(Offer::merchantId));
		return merchants.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), m -> current.getOrDefault(m.id(), List.of())));
	}

	@BatchMapping(typeName = "Community", field = "offers")
	Map<Community, List<Offer>> communityOffers(List<Community> communities) {
		Map<Long, List<Merchant>> merchantsOf = this.merchants.ofCommunities(communities.stream().map(Community::id).toList())
			.stream()
			.collect(Collectors.groupingBy(Merchant::communityId));
		List<Offer> current = this.offers.currentIn(communities.stream().map(Community::id).toList());
		return communities.stream().distinct().collect(Collectors.toMap(Function.identity(), c -> {
			java.util.Set<Long> here = merchantsOf.getOrDefault(c.id(), List.of()).stream().map(Merchant::id)
				.collect(Collectors.toSet());
			return current.stream().filter(o -> here.contains(o.merchantId())).toList();
		}));
	}

	/** The offer's key, refused unless the actor is staff of its merchant. */
	private long ownOffer(Actor actor, String offerId) {
		Actor signedIn = Actor.signedIn(actor);
		Offer offer = this.offers.find(GlobalId.keyOf(offerId, "Offer"))
			.orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not allowed"));
		signedIn.require(Role.MERCHANT_STAFF, offer.merchantId());
		return offer.id();
	}

	private OfferPayload change(Locale locale, java.util.function.Supplier<Offer> change) {
		try {
			return new OfferPayload(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new OfferPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record OfferCreateInput(String merchantId, String title, String description, String discount, int priceMinutes,
			Instant validFrom, Instant validUntil, Integer dailyLimit, Integer monthlyLimit, Integer stock) {

		OfferTerms terms() {
			return new OfferTerms(this.title, this.description, this.discount, this.priceMinutes, this.validFrom,
					this.validUntil, this.dailyLimit, this.monthlyLimit, this.stock);
		}

	}

	record OfferUpdateInput(String offerId, String title, String description, String discount, int priceMinutes,
			Instant validFrom, Instant validUntil, Integer dailyLimit, Integer monthlyLimit, Integer stock) {

		OfferTerms terms() {
			return new OfferTerms(this.title, this.description, this.discount, this.priceMinutes, this.validFrom,
					this.validUntil, this.dailyLimit, this.monthlyLimit, this.stock);
		}

	}

	record OfferInput(String offerId) {
	}

	record OfferPayload(Offer offer, List<UserError> userErrors) {
	}

}
