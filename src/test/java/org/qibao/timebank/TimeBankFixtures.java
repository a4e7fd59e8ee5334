package org.qibao.timebank;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.qibao.Clients;
import org.qibao.identity.Account;
import org.qibao.identity.Accounts;
import org.qibao.identity.Role;
import org.qibao.patrol.AttendanceVerified;
import org.springframework.jdbc.core.simple.JdbcClient;

/** People, minutes and courses for time-bank tests, each one new so that tests never share them. */
final class TimeBankFixtures {

	/** Attendance IDs no earlier run used: the test database outlives a run. */
	private static final AtomicLong ATTENDANCE = new AtomicLong(System.currentTimeMillis() * 1000);

	private final Accounts accounts;

	private final PatrolEarnings earnings;

	private final Courses courses;

	private final JdbcClient jdbc;

	TimeBankFixtures(Accounts accounts, PatrolEarnings earnings, Courses courses, JdbcClient jdbc) {
		this.accounts = accounts;
		this.earnings = earnings;
		this.courses = courses;
		this.jdbc = jdbc;
	}

	long dongting() {
		return this.jdbc.sql("SELECT id FROM community WHERE name = '东亭社区'").query(Long.class).single();
	}

	long school() {
		return this.jdbc.sql("SELECT id FROM school WHERE community_id = ?").param(dongting()).query(Long.class).single();
	}

	/** A new volunteer of Dongting with these minutes credited for patrols (in several days when over the daily cap). */
	Volunteer volunteer(int minutes) {
		String phone = Clients.uniquePhone();
		Account account = this.accounts.register(phone, "测试志愿者", Clients.DEMO_PASSWORD, "zh-CN");
		this.accounts.grant(account.id(), Role.VOLUNTEER, dongting());
		int left = minutes;
		for (int day = 1; left > 0; day++) {
			int today = Math.min(left, 240);
			this.earnings.credit(attendance(account.id(), today, Instant.now().minusSeconds(86_400L * day)));
			left -= today;
		}
		return new Volunteer(account.id(), phone);
	}

	AttendanceVerified attendance(long accountId, int minutes, Instant at) {
		return attendance(accountId, dongting(), minutes, at);
	}

	static AttendanceVerified attendance(long accountId, long communityId, int minutes, Instant at) {
		return new AttendanceVerified(ATTENDANCE.incrementAndGet(), accountId, communityId, minutes, at, null);
	}

	Course course(int seats, int price) {
		return this.courses.create(school(), "测试课程 " + System.nanoTime() % 10000, Instant.now().plusSeconds(86_400 * 7),
				seats, price);
	}

	long balance(Volunteer volunteer) {
		return this.jdbc.sql("SELECT coalesce(max(balance), 0) FROM ledger_account WHERE kind = 'PASSBOOK' AND owner_id = ?")
			.param(volunteer.accountId())
			.query(Long.class)
			.single();
	}

	long passbookId(Volunteer volunteer) {
		return this.jdbc.sql("SELECT id FROM ledger_account WHERE kind = 'PASSBOOK' AND owner_id = ? AND community_id = ?")
			.params(volunteer.accountId(), dongting())
			.query(Long.class)
			.single();
	}

	List<String> breaches(TimeBank timeBank) {
		return timeBank.checkInvariants().breaches().stream().map(b -> b.code() + ": " + b.detail()).toList();
	}

	record Volunteer(long accountId, String phone) {
	}

}
