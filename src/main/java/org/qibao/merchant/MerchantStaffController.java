package org.qibao.merchant;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** A shop's staff: listed for insiders, added and removed by its owner. */
@Controller
class MerchantStaffController {

	private final Merchants merchants;

	private final MerchantApplications applications;

	private final MerchantStaff staff;

	private final UserErrors userErrors;

	MerchantStaffController(Merchants merchants, MerchantApplications applications, MerchantStaff staff,
			UserErrors userErrors) {
		this.merchants = merchants;
		this.applications = applications;
		this.staff = staff;
		this.userErrors = userErrors;
	}

	@MutationMapping
	MerchantStaffPayload merchantStaffAdd(@Argument MerchantStaffAddInput input, Actor actor,
			Locale locale) {
		Merchant merchant = ownedBy(actor, input.merchantId());
		return change(merchant, locale, m -> this.staff.add(m, input.phone(), actor.accountId()));
	}

	@MutationMapping
	MerchantStaffPayload merchantStaffRemove(@Argument MerchantStaffRemoveInput input,
			Actor actor, Locale locale) {
		Merchant merchant = ownedBy(actor, input.merchantId());
		long accountId = GlobalId.keyOf(input.accountId(), "Account");
		return change(merchant, locale, m -> this.staff.remove(m, actor.accountId(), accountId));
	}

	/** The list is for the shop's staff, owner and administrators; others see none. */
	@BatchMapping(typeName = "Merchant")
	Map<Merchant, List<MerchantStaffMember>> staff(List<Merchant> merchants, Principal principal) {
		Actor viewer = Viewer.of(principal);
		Map<Merchant, List<MerchantStaffMember>> all = this.staff.of(merchants);
		Map<Merchant, List<MerchantStaffMember>> result = new HashMap<>();
		all.forEach((merchant, members) -> {
			Long owner = members.stream().filter(MerchantStaffMember::owner).findFirst()
				.map(m -> m.account().id()).orElse(null);
			boolean insider = Viewer.insider(viewer, merchant.id(), merchant.communityId(), owner);
			result.put(merchant, insider ? members : List.of());
		});
		return result;
	}

	/** A staff member's phone: for themselves, the shop's owner and the community's administrators. */
	@BatchMapping(typeName = "MerchantStaffMember")
	Map<MerchantStaffMember, String> phone(List<MerchantStaffMember> members, Principal principal) {
		Actor viewer = Viewer.of(principal);
		Map<MerchantStaffMember, String> phones = new HashMap<>();
		if (viewer == null) {
			return phones;
		}
		for (MerchantStaffMember member : members) {
			boolean self = member.account().id() == viewer.accountId();
			boolean owner = member.ownerId() != null && member.ownerId() == viewer.accountId();
			if (self || owner || viewer.has(Role.ADMINISTRATOR, member.communityId())) {
				phones.put(member, member.account().phone());
			}
		}
		return phones;
	}

	/** The shop, refused unless the actor is its owner (the person who applied for it). */
	private Merchant ownedBy(Actor actor, String merchantId) {
		Actor signedIn = Actor.signedIn(actor);
		Merchant merchant = this.merchants.find(GlobalId.keyOf(merchantId, "Merchant"))
			.orElseThrow(() -> new AccessDeniedException("Not allowed"));
		if (this.applications.ownerOf(merchant.id()).filter(owner -> owner == signedIn.accountId()).isEmpty()) {
			throw new AccessDeniedException("Not allowed");
		}
		return merchant;
	}

	private MerchantStaffPayload change(Merchant merchant, Locale locale, Consumer<Merchant> change) {
		try {
			change.accept(merchant);
			return new MerchantStaffPayload(merchant, List.of());
		}
		catch (BusinessRuleException refusal) {
			return new MerchantStaffPayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record MerchantStaffAddInput(String merchantId, String phone) {
	}

	record MerchantStaffRemoveInput(String merchantId, String accountId) {
	}

	record MerchantStaffPayload(Merchant merchant, List<UserError> userErrors) {
	}

}
