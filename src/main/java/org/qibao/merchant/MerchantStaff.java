package org.qibao.merchant;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.PhoneNumbers;
import org.qibao.identity.Role;
import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works at a shop's counter: the accounts holding the MERCHANT_STAFF role over it. Its owner
 * adds them by the phone number of their account and removes them; the change counts from their
 * next request (identity reads roles afresh, not from tokens). Each change is a role change the
 * audit log keeps.
 */
@Service
class MerchantStaff {

	private final Accounts accounts;

	private final MerchantApplications applications;

	private final ApplicationEventPublisher events;

	MerchantStaff(Accounts accounts, MerchantApplications applications, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.applications = applications;
		this.events = events;
	}

	/** Each shop's staff, the owner first, then by name. */
	Map<Merchant, List<MerchantStaffMember>> of(Collection<Merchant> merchants) {
		List<Long> ids = merchants.stream().map(Merchant::id).distinct().toList();
		Map<Long, List<Account>> holders = this.accounts.holders(Role.MERCHANT_STAFF, ids);
		Map<Long, MerchantApplication> applied = this.applications.findAll(ids);
		return merchants.stream().distinct().collect(Collectors.toMap(m -> m, merchant -> {
			MerchantApplication application = applied.get(merchant.id());
			Long owner = application == null ? null : application.applicantId();
			return holders.getOrDefault(merchant.id(), List.of())
				.stream()
				.map(account -> new MerchantStaffMember(merchant.id(), merchant.communityId(), owner, account))
				.sorted(Comparator.comparing((MerchantStaffMember m) -> !m.owner()))
				.toList();
		}));
	}

	/** Makes the person with this phone number staff of the shop, which must be approved or suspended. */
	@Transactional
	Account add(Merchant merchant, String phone, long ownerId) {
		if (merchant.status() != MerchantStatus.APPROVED && merchant.status() != MerchantStatus.SUSPENDED) {
			throw new BusinessRuleException("MERCHANT_NOT_APPROVED", "merchantId");
		}
		String digits = PhoneNumbers.normalise(phone);
		if (digits.isEmpty()) {
			throw new BusinessRuleException("INVALID_PHONE", "phone");
		}
		Account account = this.accounts.findByPhoneFor(ownerId, digits, "phone")
			.orElseThrow(() -> new BusinessRuleException("STAFF_ACCOUNT_NOT_FOUND", "phone"));
		if (!this.accounts.grant(account.id(), Role.MERCHANT_STAFF, merchant.id())) {
			throw new BusinessRuleException("ALREADY_STAFF", "phone");
		}
		audit(ownerId, merchant, "merchant.merchantStaffAdd", account.id(), false);
		return account;
	}

	/** Takes a staff member away from the shop; never its owner. */
	@Transactional
	void remove(Merchant merchant, long ownerId, long accountId) {
		if (accountId == ownerId) {
			throw new BusinessRuleException("CANNOT_REMOVE_OWNER", "accountId");
		}
		if (!this.accounts.revoke(accountId, Role.MERCHANT_STAFF, merchant.id())) {
			throw new BusinessRuleException("NOT_STAFF", "accountId");
		}
		audit(ownerId, merchant, "merchant.merchantStaffRemove", accountId, true);
	}

	/** The person's staff role at the shop changed: {@code wasStaff} before, the opposite after. */
	private void audit(long ownerId, Merchant merchant, String action, long accountId, boolean wasStaff) {
		this.events.publishEvent(new AdministrativeAction(ownerId, merchant.communityId(), action, "Account", accountId,
				Map.of("merchant", merchant.name(), "merchantStaff", wasStaff),
				Map.of("merchant", merchant.name(), "merchantStaff", !wasStaff)));
	}

}
