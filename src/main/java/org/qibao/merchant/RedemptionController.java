package org.qibao.merchant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
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

/** Redemption codes: asked for and cancelled by volunteers, looked up and confirmed by staff. */
@Controller
class RedemptionController {

	private static final java.util.regex.Pattern CLIENT_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_:.\\-]{8,100}");

	private final RedemptionDesk desk;

	private final RedemptionCounter counter;

	private final Redemptions redemptions;

	private final Offers offers;

	private final Merchants merchants;

	private final Accounts accounts;

	private final UserErrors userErrors;

	RedemptionController(RedemptionDesk desk, RedemptionCounter counter, Redemptions redemptions, Offers offers,
			Merchants merchants, Accounts accounts, UserErrors userErrors) {
		this.desk = desk;
		this.counter = counter;
		this.redemptions = redemptions;
		this.offers = offers;
		this.merchants = merchants;
		this.accounts = accounts;
		this.userErrors = userErrors;
	}

	@MutationMapping
	RedemptionCodePayload redemptionCodeRequest(@Argument RedemptionCodeRequestInput input,
			Actor actor, Locale locale) {
		Actor volunteer = Actor.signedIn(actor);
		long offerId = GlobalId.keyOf(input.offerId(), "Offer");
		try {
			if (input.idempotencyKey() == null || !CLIENT_KEY.matcher(input.idempotencyKey()).matches()) {
				throw new BusinessRuleException("INVALID_IDEMPOTENCY_KEY", "idempotencyKey");
			}
			String key = "account:" + volunteer.accountId() + ":" + input.idempotencyKey();
			Set<Long> communities = volunteer.scopes(Role.VOLUNTEER);
			return new RedemptionCodePayload(this.desk.request(volunteer.accountId(), communities, offerId, key), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new RedemptionCodePayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@MutationMapping
	RedemptionPayload redemptionCodeCancel(@Argument RedemptionCodeCancelInput input, Actor actor,
			Locale locale) {
		long volunteerId = Actor.signedIn(actor).accountId();
		long redemptionId = GlobalId.keyOf(input.redemptionId(), "Redemption");
		return change(locale, () -> this.desk.cancel(volunteerId, redemptionId));
	}

	@MutationMapping
	RedemptionPayload redemptionConfirm(@Argument RedemptionConfirmInput input, Actor actor,
			Locale locale) {
		long merchantId = StaffAccess.merchant(actor, input.merchantId());
		return change(locale, () -> this.counter.confirm(actor.accountId(), merchantId, input.code()));
	}

	@QueryMapping
	RedemptionLookupResult redemptionLookup(@Argument String code, @Argument String merchantId,
			Actor actor, Locale locale) {
		long merchant = StaffAccess.merchant(actor, merchantId);
		try {
			return new RedemptionLookupResult(this.counter.lookup(actor.accountId(), merchant, code), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new RedemptionLookupResult(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@QueryMapping
	List<Redemption> myRedemptions(@Argument Integer first, Actor actor) {
		return this.redemptions.ofVolunteer(Actor.signedIn(actor).accountId(), size(first));
	}

	@QueryMapping
	List<Redemption> merchantRedemptions(@Argument String merchantId, @Argument Integer first,
			Actor actor) {
		Merchant merchant = MerchantReports.readable(this.merchants, actor, merchantId);
		return this.redemptions.redeemedAt(List.of(merchant.id()), size(first)).stream().map(Redemption::forStaff).toList();
	}

	@BatchMapping(typeName = "Redemption")
	Map<Redemption, Offer> offer(List<Redemption> codes) {
		Map<Long, Offer> byId = this.offers.findAll(codes.stream().map(Redemption::offerId).distinct().toList());
		return by(codes, r -> byId.get(r.offerId()));
	}

	@BatchMapping(typeName = "Redemption")
	Map<Redemption, Merchant> merchant(List<Redemption> codes) {
		Map<Long, Merchant> byId = this.merchants.findAll(codes.stream().map(Redemption::merchantId).distinct().toList());
		return by(codes, r -> byId.get(r.merchantId()));
	}

	@BatchMapping(typeName = "Redemption")
	Map<Redemption, Account> volunteer(List<Redemption> codes) {
		Map<Long, Account> byId = this.accounts.findAll(codes.stream().map(Redemption::volunteerId).distinct().toList());
		return by(codes, r -> byId.get(r.volunteerId()));
	}

	private static <T> Map<Redemption, T> by(List<Redemption> codes, Function<Redemption, T> value) {
		Map<Redemption, T> result = new java.util.HashMap<>();
		codes.forEach(r -> result.put(r, value.apply(r)));
		return result;
	}

	private static int size(Integer first) {
		int size = first == null ? 20 : first;
		if (size < 1 || size > 100) {
			throw new org.qibao.shared.Connection.InvalidPageException("first must be between 1 and 100");
		}
		return size;
	}

	private RedemptionPayload change(Locale locale, java.util.function.Supplier<Redemption> change) {
		try {
			return new RedemptionPayload(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new RedemptionPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record RedemptionCodeRequestInput(String offerId, String idempotencyKey) {
	}

	record RedemptionCodeCancelInput(String redemptionId) {
	}

	record RedemptionConfirmInput(String code, String merchantId) {
	}

	record RedemptionCodePayload(Redemption redemption, List<UserError> userErrors) {
	}

	record RedemptionPayload(Redemption redemption, List<UserError> userErrors) {
	}

	record RedemptionLookupResult(Redemption redemption, List<UserError> userErrors) {
	}

}
