package org.qibao.patrol;

import java.util.List;
import java.util.Map;

import org.qibao.identity.Actor;
import org.qibao.notification.Notification;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The shift and team a notification is about (the notification list is the notification
 * module's; patrol owns what it points at), and a volunteer's private calendar feed.
 */
@Controller
class NotificationController {

	private final PatrolQueries queries;

	private final Teams teams;

	private final CalendarFeed calendar;

	NotificationController(PatrolQueries queries, Teams teams, CalendarFeed calendar) {
		this.queries = queries;
		this.teams = teams;
		this.calendar = calendar;
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

}
