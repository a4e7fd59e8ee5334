package org.qibao.timebank;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.Connection;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Administrators' corrections of their community's ledger, and the passbooks they correct. */
@Controller
class CorrectionController {

	private final Corrections corrections;

	private final CorrectionRows rows;

	private final Ledger ledger;

	private final Passbooks passbooks;

	private final Accounts accounts;

	private final UserErrors userErrors;

	CorrectionController(Corrections corrections, CorrectionRows rows, Ledger ledger, Passbooks passbooks,
			Accounts accounts, UserErrors userErrors) {
		this.corrections = corrections;
		this.rows = rows;
		this.ledger = ledger;
		this.passbooks = passbooks;
		this.accounts = accounts;
		this.userErrors = userErrors;
	}

	@QueryMapping
	Passbook communityPassbook(@Argument String communityId, @Argument String phone, Actor actor) {
		long community = administered(communityId, actor);
		return this.accounts.findByPhone(phone == null ? "" : phone)
			.filter(a -> this.accounts.volunteersOf(List.of(a.id()), List.of(community)).contains(a.id()))
			.map(a -> this.passbooks.of(community, a.id()))
			.orElse(null);
	}

	@QueryMapping
	Connection<LedgerCorrection> ledgerCorrections(@Argument String communityId, @Argument LedgerCorrection.Status status,
			@Argument Integer first, @Argument String after, Actor actor) {
		long community = administered(communityId, actor);
		Connection.Page page = Connection.Page.of(first, after);
		return Connection.of(this.rows.of(community, status, page.offset(), page.size() + 1), page,
				this.rows.count(community, status));
	}

	@MutationMapping
	CorrectionPayload passbookAdjust(@Argument AdjustInput input, Actor actor, Locale locale) {
		long community = administered(input.communityId(), actor);
		long volunteer = GlobalId.keyOf(input.volunteerId(), "Account");
		if (!this.accounts.volunteersOf(List.of(volunteer), List.of(community)).contains(volunteer)) {
			return refused(new BusinessRuleException("VOLUNTEER_NOT_FOUND", "volunteerId"), locale);
		}
		return attempt(locale, () -> this.corrections.adjust(actor.accountId(), community, volunteer,
				input.direction() == Direction.CREDIT, input.minutes(), input.reason(),
				VolunteerContext.idempotencyKey(actor, input.idempotencyKey())));
	}

	@MutationMapping
	CorrectionPayload transferReverse(@Argument ReverseInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		Optional<Transfer> original = this.ledger.transfer(GlobalId.keyOf(input.transferId(), "Transfer"));
		if (original.isEmpty()) {
			return refused(new BusinessRuleException("NOT_FOUND", "transferId"), locale);
		}
		long community = this.corrections.communityOf(original.get()).orElseThrow();
		signedIn.require(Role.ADMINISTRATOR, community);
		return attempt(locale, () -> this.corrections.reverse(signedIn.accountId(), community, original.get(), input.reason()));
	}

	@MutationMapping
	CorrectionPayload ledgerCorrectionApprove(@Argument DecideInput input, Actor actor, Locale locale) {
		return decide(input, actor, locale, id -> this.corrections.approve(actor.accountId(), id));
	}

	@MutationMapping
	CorrectionPayload ledgerCorrectionRefuse(@Argument DecideInput input, Actor actor, Locale locale) {
		return decide(input, actor, locale, id -> this.corrections.refuse(actor.accountId(), id));
	}

	@SchemaMapping(typeName = "PassbookEntry", field = "transferId")
	String transferId(PassbookEntry entry) {
		return GlobalId.encode("Transfer", entry.transferId());
	}

	@BatchMapping(typeName = "LedgerCorrection")
	Map<LedgerCorrection, Account> volunteer(List<LedgerCorrection> corrections) {
		Map<Long, Account> people = this.accounts.findAll(corrections.stream()
			.map(LedgerCorrection::passbookOwnerId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList());
		Map<LedgerCorrection, Account> result = new java.util.HashMap<>();
		corrections.stream().filter(c -> c.passbookOwnerId() != null).forEach(c -> result.put(c, people.get(c.passbookOwnerId())));
		return result;
	}

	@BatchMapping(typeName = "LedgerCorrection")
	Map<LedgerCorrection, Account> requestedBy(List<LedgerCorrection> corrections) {
		Map<Long, Account> people = this.accounts.findAll(PassbookController.ids(corrections, LedgerCorrection::requestedBy));
		return PassbookController.by(corrections, c -> people.get(c.requestedBy()));
	}

	@BatchMapping(typeName = "LedgerCorrection")
	Map<LedgerCorrection, Account> decidedBy(List<LedgerCorrection> corrections) {
		Map<Long, Account> people = this.accounts.findAll(corrections.stream()
			.map(LedgerCorrection::decidedBy)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList());
		Map<LedgerCorrection, Account> result = new java.util.HashMap<>();
		corrections.stream().filter(c -> c.decidedBy() != null).forEach(c -> result.put(c, people.get(c.decidedBy())));
		return result;
	}

	@SchemaMapping(typeName = "LedgerCorrection", field = "reversedTransferId")
	String reversedTransferId(LedgerCorrection correction) {
		return correction.reversesTransferId() == null ? null : GlobalId.encode("Transfer", correction.reversesTransferId());
	}

	private CorrectionPayload decide(DecideInput input, Actor actor, Locale locale,
			java.util.function.LongFunction<LedgerCorrection> decision) {
		Actor signedIn = Actor.signedIn(actor);
		long id = GlobalId.keyOf(input.correctionId(), "LedgerCorrection");
		Optional<LedgerCorrection> correction = this.corrections.find(id);
		if (correction.isEmpty()) {
			return refused(new BusinessRuleException("NOT_FOUND", "correctionId"), locale);
		}
		signedIn.require(Role.ADMINISTRATOR, correction.get().communityId());
		return attempt(locale, () -> decision.apply(id));
	}

	private static long administered(String communityId, Actor actor) {
		long community = GlobalId.keyOf(communityId, "Community");
		Actor.signedIn(actor).require(Role.ADMINISTRATOR, community);
		return community;
	}

	private CorrectionPayload attempt(Locale locale, Supplier<LedgerCorrection> change) {
		try {
			return new CorrectionPayload(change.get(), List.of());
		}
		catch (BusinessRuleException refusal) {
			return refused(refusal, locale);
		}
	}

	private CorrectionPayload refused(BusinessRuleException refusal, Locale locale) {
		return new CorrectionPayload(null, List.of(this.userErrors.of(refusal, locale)));
	}

	enum Direction {

		CREDIT, DEBIT

	}

	record AdjustInput(String communityId, String volunteerId, Direction direction, int minutes, String reason,
			String idempotencyKey) {
	}

	record ReverseInput(String transferId, String reason) {
	}

	record DecideInput(String correctionId) {
	}

	/** The payload of every correction mutation: the correction as it stands now. */
	record CorrectionPayload(LedgerCorrection correction, List<UserError> userErrors) {
	}

}
