package org.qibao.patrol;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Uid;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import static org.qibao.patrol.Rows.at;

/**
 * A volunteer's shifts as a private iCalendar feed. The URL carries a random token instead of a
 * sign-in, because calendar apps subscribe without one; whoever has the URL sees the shifts.
 */
@Service
class CalendarFeed {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PatrolQueries queries;

	private final Teams teams;

	CalendarFeed(JdbcClient jdbc, PatrolQueries queries, Teams teams) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.teams = teams;
	}

	/** The account's feed token, made on first use. */
	String tokenOf(long accountId) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		this.jdbc.sql("INSERT INTO calendar_feed (account_id, token) VALUES (?, ?) ON CONFLICT (account_id) DO NOTHING")
			.params(accountId, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
			.update();
		return this.jdbc.sql("SELECT token FROM calendar_feed WHERE account_id = ?").param(accountId).query(String.class).single();
	}

	/** The calendar of the feed's owner: their sign-ups from a month back, or empty for an unknown token. */
	Optional<String> render(String token, Instant now) {
		Optional<Long> owner = this.jdbc.sql("SELECT account_id FROM calendar_feed WHERE token = ?")
			.param(token)
			.query(Long.class)
			.optional();
		return owner.map(accountId -> write(shiftsOf(accountId, now.minus(Duration.ofDays(31)))));
	}

	private List<Shift> shiftsOf(long accountId, Instant since) {
		return this.jdbc.sql("SELECT " + Shift.COLUMNS + """
				 FROM shift s JOIN shift_signup u ON u.shift_id = s.id
				WHERE u.account_id = ? AND u.status = 'CONFIRMED' AND s.ends_at > ? ORDER BY s.starts_at""")
			.params(accountId, at(since))
			.query(Rows.SHIFT)
			.list();
	}

	private String write(List<Shift> shifts) {
		Map<Long, Team> teamsById = this.teams.findAll(shifts.stream().map(Shift::teamId).distinct().toList());
		Calendar calendar = new Calendar().withProdId("-//Qibao//Patrol shifts//ZH").withDefaults().getFluentTarget();
		for (Shift shift : shifts) {
			String team = teamsById.get(shift.teamId()).name();
			String summary = (shift.cancelled() ? "[取消 Cancelled] " : "") + team + " 巡逻 patrol";
			VEvent event = new VEvent(shift.startsAt(), shift.endsAt(), summary);
			event.add(new Uid("shift-" + shift.id() + "@qibao"));
			if (shift.cancelled()) {
				event.add(new Description(shift.cancelReason()));
			}
			calendar.add(event);
		}
		StringWriter out = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
