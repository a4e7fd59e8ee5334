package org.qibao.patrol;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qibao.geo.Community;
import org.qibao.geo.Geography;
import org.qibao.identity.Actor;
import org.qibao.shared.Connection;
import org.springframework.context.MessageSource;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A volunteer's notifications, in their language, and their private calendar feed. */
@Controller
class NotificationController {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Notifications notifications;

	private final PatrolQueries queries;

	private final Teams teams;

	private final Geography geography;

	private final MessageSource messages;

	private final CalendarFeed calendar;

	NotificationController(Notifications notifications, PatrolQueries queries, Teams teams, Geography geography,
			MessageSource messages, CalendarFeed calendar) {
		this.notifications = notifications;
		this.queries = queries;
		this.teams = teams;
		this.geography = geography;
		this.messages = messages;
		this.calendar = calendar;
	}

	@QueryMapping
	Connection<Notification> myNotifications(@Argument Integer first, @Argument String after,
			Actor actor, Locale locale) {
		long accountId = Actor.signedIn(actor).accountId();
		Connection.Page page = Connection.Page.of(first, after);
		return Connection.of(worded(this.notifications.of(accountId, page.offset(), page.limit()), locale), page,
				this.notifications.count(accountId));
	}

	@QueryMapping
	String myCalendarUrl(Actor actor) {
		return "/calendar/" + this.calendar.tokenOf(Actor.signedIn(actor).accountId()) + ".ics";
	}

	@BatchMapping(typeName = "Notification", field = "shift")
	Map<Notification, Shift> notificationShift(List<Notification> notifications) {
		return Batches.one(notifications, Notification::shiftId,
				this.queries.shifts(Batches.keys(notifications, Notification::shiftId)));
	}

	@BatchMapping(typeName = "Notification", field = "team")
	Map<Notification, Team> notificationTeam(List<Notification> notifications) {
		return Batches.one(notifications, Notification::teamId,
				this.teams.findAll(Batches.keys(notifications, Notification::teamId)));
	}

	/** Worded already in a list; worded here when the notification was found by its ID. */
	@SchemaMapping(typeName = "Notification", field = "message")
	String message(Notification notification, Locale locale) {
		return notification.message() != null ? notification.message() : worded(List.of(notification), locale).get(0).message();
	}

	/** The notifications with their messages, e.g. "The 七宝巡逻队 patrol at 2026-11-28 09:00 was cancelled: 暴雨". */
	private List<Notification> worded(List<Notification> notifications, Locale locale) {
		Map<Long, Shift> shifts = this.queries.shifts(Batches.keys(notifications, Notification::shiftId));
		Map<Long, Team> teams = this.teams.findAll(Batches.keys(notifications, Notification::teamId));
		Map<Long, Community> communities = this.geography
			.communities(teams.values().stream().map(Team::communityId).distinct().toList());
		List<Notification> result = new java.util.ArrayList<>();
		for (Notification n : notifications) {
			Team team = teams.get(n.teamId());
			Shift shift = n.shiftId() == null ? null : shifts.get(n.shiftId());
			ZoneId zone = team == null ? ZoneId.of("Asia/Shanghai") : communities.get(team.communityId()).zone();
			String when = shift == null ? "" : WHEN.format(shift.startsAt().atZone(zone));
			result.add(n.withMessage(this.messages.getMessage("notification." + n.kind(),
					new Object[] { team == null ? "" : team.name(), when, n.detail() == null ? "" : n.detail() }, n.kind(),
					locale != null ? locale : Locale.SIMPLIFIED_CHINESE)));
		}
		return result;
	}

}
