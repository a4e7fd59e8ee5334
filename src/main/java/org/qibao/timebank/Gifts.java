package org.qibao.timebank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.notification.Notice;
import org.qibao.notification.NotificationKind;
import org.qibao.notification.Notices;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gifts of minutes between residents of one community, within the community's limits per gift
 * and per month. The sender's passbook lock serialises their gifts, so the monthly limit holds.
 */
@Component
class Gifts {

	private static final String COLUMNS = "id, community_id, sender_id, recipient_id, minutes, note, sent_at";

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Policies policies;

	private final ApplicationEventPublisher events;

	private final Notices notices;

	private final Accounts accounts;

	Gifts(JdbcClient jdbc, Ledger ledger, Policies policies, ApplicationEventPublisher events, Notices notices,
			Accounts accounts) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.policies = policies;
		this.events = events;
		this.notices = notices;
		this.accounts = accounts;
	}

	@Transactional
	Gift send(long communityId, ZoneId zone, long senderId, long recipientId, int minutes, String note,
			String idempotencyKey) {
		if (minutes <= 0) {
			throw new BusinessRuleException("INVALID_AMOUNT", "minutes");
		}
		if (senderId == recipientId) {
			throw new BusinessRuleException("GIFT_TO_SELF", "recipientPhone");
		}
		if (note != null && note.length() > 100) {
			throw new BusinessRuleException("INVALID_INPUT", "note");
		}
		long from = this.ledger.open(AccountRef.passbook(communityId, senderId));
		long to = this.ledger.open(AccountRef.passbook(communityId, recipientId));
		this.ledger.lock(from, to);
		TransferRequest gift = TransferRequest
			.of(TransferKind.GIFT, from, to, minutes, "gift", senderId, idempotencyKey)
			.withDetail(note);
		Optional<Transfer> earlier = this.ledger.replay(gift);
		if (earlier.isPresent()) {
			return paidBy(earlier.get().id());
		}
		TimeBankPolicy policy = this.policies.of(communityId);
		if (minutes > policy.giftMaxMinutes()) {
			throw new BusinessRuleException("GIFT_OVER_LIMIT", "minutes", policy.giftMaxMinutes());
		}
		long thisMonth = sentSince(senderId, communityId, startOfMonth(zone));
		if (thisMonth + minutes > policy.giftMonthlyMinutes()) {
			throw new BusinessRuleException("GIFT_MONTHLY_LIMIT", "minutes", policy.giftMonthlyMinutes(),
					policy.giftMonthlyMinutes() - thisMonth);
		}
		Transfer paid = this.ledger.post(gift);
		this.jdbc.sql("INSERT INTO gift (community_id, sender_id, recipient_id, minutes, note, transfer_id) VALUES (?, ?, ?, ?, ?, ?)")
			.params(communityId, senderId, recipientId, minutes, note, paid.id())
			.update();
		Gift sent = paidBy(paid.id());
		this.events.publishEvent(new GiftGiven(sent.id(), communityId, senderId, recipientId, minutes, sent.sentAt()));
		tellRecipient(sent);
		return sent;
	}

	/** The recipient hears who gave how much, with the giver's note; gifts are never anonymous. */
	private void tellRecipient(Gift gift) {
		Account sender = this.accounts.findAll(List.of(gift.senderId())).get(gift.senderId());
		this.notices.tell(gift.recipientId(),
				Notice.of(NotificationKind.GIFT_RECEIVED, sender == null ? "" : sender.displayName(), gift.minutes())
					.withDetail(gift.note())
					.once("gift:" + gift.id()));
	}

	private long sentSince(long senderId, long communityId, Instant since) {
		return this.jdbc.sql("SELECT coalesce(sum(minutes), 0) FROM gift WHERE sender_id = ? AND community_id = ? AND sent_at >= ?")
			.params(senderId, communityId, java.sql.Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	private Gift paidBy(long transferId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM gift WHERE transfer_id = ?")
			.param(transferId)
			.query(Gifts::gift)
			.optional()
			.orElseThrow(() -> new BusinessRuleException("IDEMPOTENCY_KEY_REUSED", "idempotencyKey"));
	}

	private static Instant startOfMonth(ZoneId zone) {
		return ZonedDateTime.now(zone).withDayOfMonth(1).toLocalDate().atStartOfDay(zone).toInstant();
	}

	private static Gift gift(ResultSet rs, int row) throws SQLException {
		return new Gift(rs.getLong("id"), rs.getLong("community_id"), rs.getLong("sender_id"), rs.getLong("recipient_id"),
				rs.getInt("minutes"), rs.getString("note"), rs.getTimestamp("sent_at").toInstant());
	}

}
