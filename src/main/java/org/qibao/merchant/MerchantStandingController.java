package org.qibao.merchant;

import java.util.List;
import java.util.Locale;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** The community administrator's decisions on its shops: approve, reject, suspend, reinstate. */
@Controller
class MerchantStandingController {

	private final Merchants merchants;

	private final MerchantStanding standing;

	private final UserErrors userErrors;

	MerchantStandingController(Merchants merchants, MerchantStanding standing, UserErrors userErrors) {
		this.merchants = merchants;
		this.standing = standing;
		this.userErrors = userErrors;
	}

	@MutationMapping
	MerchantPayload merchantApprove(@Argument MerchantInput input, Actor actor, Locale locale) {
		return decide(input.merchantId(), actor, locale, (merchant, admin) -> this.standing.approve(merchant, admin));
	}

	@MutationMapping
	MerchantPayload merchantReject(@Argument MerchantRejectInput input, Actor actor,
			Locale locale) {
		return decide(input.merchantId(), actor, locale,
				(merchant, admin) -> this.standing.reject(merchant, admin, input.reason()));
	}

	@MutationMapping
	MerchantPayload merchantSuspend(@Argument MerchantInput input, Actor actor, Locale locale) {
		return decide(input.merchantId(), actor, locale, (merchant, admin) -> this.standing.suspend(merchant, admin));
	}

	@MutationMapping
	MerchantPayload merchantReinstate(@Argument MerchantInput input, Actor actor,
			Locale locale) {
		return decide(input.merchantId(), actor, locale, (merchant, admin) -> this.standing.reinstate(merchant, admin));
	}

	/** Only an administrator of the merchant's own community changes its standing. */
	private MerchantPayload decide(String merchantId, Actor actor, Locale locale, Decision decision) {
		Actor signedIn = Actor.signedIn(actor);
		Merchant merchant = this.merchants.find(GlobalId.keyOf(merchantId, "Merchant"))
			.orElseThrow(() -> new AccessDeniedException("Not allowed"));
		signedIn.require(Role.ADMINISTRATOR, merchant.communityId());
		try {
			return new MerchantPayload(decision.apply(merchant.id(), signedIn.accountId()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return MerchantPayload.refused(this.userErrors.of(refusal, locale));
		}
	}

	@FunctionalInterface
	private interface Decision {

		Merchant apply(long merchantId, long administratorId);

	}

	record MerchantInput(String merchantId) {
	}

	record MerchantRejectInput(String merchantId, String reason) {
	}

	/** The shop after a change of standing or an application. */
	record MerchantPayload(Merchant merchant, List<UserError> userErrors) {

		static MerchantPayload refused(UserError error) {
			return new MerchantPayload(null, List.of(error));
		}

	}

}
