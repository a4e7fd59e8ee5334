package org.qibao.timebank;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class GiftController {

	private final Gifts gifts;

	private final Passbooks passbooks;

	private final Accounts accounts;

	private final Geography geography;

	private final UserErrors userErrors;

	GiftController(Gifts gifts, Passbooks passbooks, Accounts accounts, Geography geography, UserErrors userErrors) {
		this.gifts = gifts;
		this.passbooks = passbooks;
		this.accounts = accounts;
		this.geography = geography;
		this.userErrors = userErrors;
	}

	@MutationMapping
	GiftSendPayload giftSend(@Argument GiftSendInput input, Actor actor, Locale locale) {
		Long communityId = VolunteerContext.community(actor, input.communityId());
		try {
			if (communityId == null) {
				throw new BusinessRuleException("NOT_A_VOLUNTEER", "communityId");
			}
			Community community = this.geography.communities(List.of(communityId)).get(communityId);
			Account recipient = resident(actor.accountId(), input.recipientPhone(), communityId);
			String key = VolunteerContext.idempotencyKey(actor, input.idempotencyKey());
			Gift gift = this.gifts.send(communityId, community.zone(), actor.accountId(), recipient.id(), input.minutes(),
					blankToNull(input.note()), key);
			return new GiftSendPayload(gift, this.passbooks.of(communityId, actor.accountId()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new GiftSendPayload(null, null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@BatchMapping(typeName = "Gift")
	Map<Gift, Account> sender(List<Gift> gifts) {
		Map<Long, Account> people = this.accounts.findAll(PassbookController.ids(gifts, Gift::senderId));
		return PassbookController.by(gifts, g -> people.get(g.senderId()));
	}

	@BatchMapping(typeName = "Gift")
	Map<Gift, Account> recipient(List<Gift> gifts) {
		Map<Long, Account> people = this.accounts.findAll(PassbookController.ids(gifts, Gift::recipientId));
		return PassbookController.by(gifts, g -> people.get(g.recipientId()));
	}

	/** The person with this phone number, when they are a resident (volunteer) of the community. */
	private Account resident(long senderId, String phone, long communityId) {
		return this.accounts.findByPhoneFor(senderId, phone, "recipientPhone")
			.filter(a -> this.accounts.rolesOf(a.id()).stream().anyMatch(r -> r.role() == Role.VOLUNTEER && r.scopeId() == communityId))
			.orElseThrow(() -> new BusinessRuleException("RECIPIENT_NOT_FOUND", "recipientPhone"));
	}

	private static String blankToNull(String note) {
		return note == null || note.isBlank() ? null : note.trim();
	}

	record GiftSendInput(String communityId, String recipientPhone, int minutes, String note, String idempotencyKey) {
	}

	record GiftSendPayload(Gift gift, Passbook passbook, List<UserError> userErrors) {
	}

}
