package org.qibao.merchant;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.merchant.MerchantStandingController.MerchantPayload;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GeoPoint;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Applying for a shop, and the applicant's view of where their applications stand. */
@Controller
class MerchantApplicationController {

	private final MerchantApplications applications;

	private final Accounts accounts;

	private final UserErrors userErrors;

	MerchantApplicationController(MerchantApplications applications, Accounts accounts, UserErrors userErrors) {
		this.applications = applications;
		this.accounts = accounts;
		this.userErrors = userErrors;
	}

	@MutationMapping
	MerchantPayload merchantApply(@Argument MerchantApplyInput input, Actor actor,
			Locale locale) {
		Actor applicant = Actor.signedIn(actor);
		long communityId = GlobalId.keyOf(input.communityId(), "Community");
		try {
			return new MerchantPayload(this.applications.apply(applicant.accountId(), communityId, input.details()),
					List.of());
		}
		catch (BusinessRuleException refusal) {
			return MerchantPayload.refused(this.userErrors.of(refusal, locale));
		}
	}

	@QueryMapping
	List<Merchant> myMerchantApplications(Actor actor) {
		return this.applications.ofApplicant(Actor.signedIn(actor).accountId());
	}

	/** Shown to the shop's owner, its staff and the community's administrators. */
	@BatchMapping(typeName = "Merchant")
	Map<Merchant, MerchantApplication> application(List<Merchant> merchants, Principal principal) {
		Actor viewer = Viewer.of(principal);
		Map<Long, MerchantApplication> applied = this.applications
			.findAll(merchants.stream().map(Merchant::id).distinct().toList());
		Map<Merchant, MerchantApplication> result = new HashMap<>();
		for (Merchant merchant : merchants) {
			MerchantApplication application = applied.get(merchant.id());
			if (application != null
					&& Viewer.insider(viewer, merchant.id(), merchant.communityId(), application.applicantId())) {
				result.put(merchant, application);
			}
		}
		return result;
	}

	@BatchMapping(typeName = "MerchantApplication")
	Map<MerchantApplication, Account> applicant(List<MerchantApplication> applications) {
		Map<Long, Account> found = this.accounts
			.findAll(applications.stream().map(MerchantApplication::applicantId).distinct().toList());
		Map<MerchantApplication, Account> result = new HashMap<>();
		applications.forEach(a -> result.put(a, found.get(a.applicantId())));
		return result;
	}

	record MerchantApplyInput(String communityId, String name, String category, String address, GeoPoint location,
			String contactPhone) {

		ShopDetails details() {
			return new ShopDetails(this.name, this.category, this.address, this.location, this.contactPhone);
		}

	}

}
