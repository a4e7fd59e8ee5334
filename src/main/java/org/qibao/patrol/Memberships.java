package org.qibao.patrol;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.PhoneNumbers;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.qibao.patrol.Rows.array;
import static org.qibao.patrol.Rules.require;

/** Who belongs to which team: join requests, invitations, leaving, and inactive members. */
@Service
class Memberships {

	private final JdbcClient jdbc;

	private final Teams teams;

	private final Accounts accounts;

	private final Notifications notifications;

	private final PatrolAudit audit;

	Memberships(JdbcClient jdbc, Teams teams, Accounts accounts, Notifications notifications, PatrolAudit audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.teams = teams;
		this.accounts = accounts;
		this.notifications = notifications;
	}

	boolean isActiveMember(long teamId, long accountId) {
		return status(teamId, accountId).filter("ACTIVE"::equals).isPresent();
	}

	List<Long> activeTeamsOf(long accountId) {
		return this.jdbc.sql("SELECT team_id FROM team_member WHERE account_id = ? AND status = 'ACTIVE' ORDER BY joined_at")
			.param(accountId)
			.query(Long.class)
			.list();
	}

	List<TeamMembership> membershipsOf(Collection<Long> teamIds) {
		return this.jdbc.sql("SELECT * FROM team_member WHERE team_id = ANY(?) AND status <> 'LEFT' ORDER BY joined_at, account_id")
			.param(array(teamIds))
			.query(Rows.MEMBERSHIP)
			.list();
	}

	List<JoinRequest> pending(Collection<Long> teamIds) {
		return this.jdbc.sql("SELECT * FROM team_join_request WHERE team_id = ANY(?) AND status = 'PENDING' ORDER BY id")
			.param(array(teamIds))
			.query(Rows.JOIN_REQUEST)
			.list();
	}

	List<JoinRequest> invitationsFor(long accountId) {
		return this.jdbc.sql("SELECT * FROM team_join_request WHERE account_id = ? AND status = 'PENDING' ORDER BY id")
			.param(accountId)
			.query(Rows.JOIN_REQUEST)
			.list();
	}

	Optional<JoinRequest> request(long id) {
		return this.jdbc.sql("SELECT * FROM team_join_request WHERE id = ?").param(id).query(Rows.JOIN_REQUEST).optional();
	}

	/** A volunteer asks to join (REQUEST), or a captain invites them (INVITATION). */
	@Transactional
	JoinRequest open(long teamId, long accountId, String kind, long by) {
		require(!this.teams.findAll(List.of(teamId)).isEmpty(), "NOT_FOUND", "teamId");
		require(!this.accounts.findAll(List.of(accountId)).isEmpty(), "NOT_FOUND", "accountId");
		require(!isActiveMember(teamId, accountId), "ALREADY_MEMBER", null);
		try {
			JoinRequest request = this.jdbc.sql("""
					INSERT INTO team_join_request (team_id, account_id, kind, created_by) VALUES (?, ?, ?, ?) RETURNING *""")
				.params(teamId, accountId, kind, by)
				.query(Rows.JOIN_REQUEST)
				.single();
			if ("INVITATION".equals(kind)) {
				this.notifications.tell(accountId, "TEAM_INVITATION", null, teamId, null);
			}
			return request;
		}
		catch (DuplicateKeyException ex) {
			throw new BusinessRuleException("ALREADY_REQUESTED", null);
		}
	}

	/** A captain invites the person who has an account with this phone number, however it is typed. */
	@Transactional
	JoinRequest invite(long teamId, String phone, long by) {
		String digits = PhoneNumbers.normalise(phone);
		require(!digits.isEmpty(), "INVALID_PHONE", "phone");
		Account invited = this.accounts.findByPhoneFor(by, digits, "phone")
			.orElseThrow(() -> new BusinessRuleException("INVITEE_NOT_FOUND", "phone"));
		return open(teamId, invited.id(), "INVITATION", by);
	}

	/** Approves or declines a pending request or invitation; approval makes a member and a volunteer of the community. */
	@Transactional
	JoinRequest decide(long requestId, boolean approve, long by) {
		int changed = this.jdbc.sql("""
				UPDATE team_join_request SET status = ?, decided_at = now(), decided_by = ?
				WHERE id = ? AND status = 'PENDING'""")
			.params(approve ? "APPROVED" : "DECLINED", by, requestId)
			.update();
		require(changed == 1, "NOT_PENDING", "requestId");
		JoinRequest request = request(requestId).orElseThrow();
		if (approve) {
			join(request.teamId(), request.accountId());
		}
		if ("REQUEST".equals(request.kind())) {
			// a captain's decision on someone else's request; an invited person's answer is their own affair
			this.audit.inTeam(by, request.teamId(), "joinRequestDecide", "JoinRequest", requestId,
					Map.of("status", "PENDING", "accountId", request.accountId()),
					Map.of("status", request.status(), "accountId", request.accountId()));
			this.notifications.tell(request.accountId(), approve ? "JOIN_APPROVED" : "JOIN_DECLINED", null,
					request.teamId(), null);
		}
		return request;
	}

	private void join(long teamId, long accountId) {
		this.jdbc.sql("""
				INSERT INTO team_member (team_id, account_id) VALUES (?, ?)
				ON CONFLICT (team_id, account_id) DO UPDATE SET status = 'ACTIVE', joined_at = now(), changed_at = now()""")
			.params(teamId, accountId)
			.update();
		Team team = this.teams.findAll(List.of(teamId)).get(teamId);
		this.accounts.grant(accountId, Role.VOLUNTEER, team.communityId());
	}

	@Transactional
	void leave(long teamId, long accountId) {
		require(status(teamId, accountId).filter(s -> !"LEFT".equals(s)).isPresent(), "NOT_A_MEMBER", "teamId");
		setStatus(teamId, accountId, "LEFT");
	}

	/** A captain marks a member inactive (they can no longer sign up) or active again. */
	@Transactional
	void setActive(long teamId, long accountId, boolean active) {
		require(status(teamId, accountId).filter(s -> !"LEFT".equals(s)).isPresent(), "NOT_A_MEMBER", "accountId");
		setStatus(teamId, accountId, active ? "ACTIVE" : "INACTIVE");
	}

	private void setStatus(long teamId, long accountId, String status) {
		this.jdbc.sql("UPDATE team_member SET status = ?, changed_at = now() WHERE team_id = ? AND account_id = ?")
			.params(status, teamId, accountId)
			.update();
	}

	/** The person's membership status in the team (ACTIVE, INACTIVE, LEFT), if they ever joined. */
	Optional<String> status(long teamId, long accountId) {
		return this.jdbc.sql("SELECT status FROM team_member WHERE team_id = ? AND account_id = ?")
			.params(teamId, accountId)
			.query(String.class)
			.optional();
	}

}
