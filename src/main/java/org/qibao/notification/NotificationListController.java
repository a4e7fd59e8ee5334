package org.qibao.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qibao.identity.Actor;
import org.qibao.shared.Connection;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The signed-in person's notifications, worded in the language they read in, and their read state. */
@Controller
class NotificationListController {

	private static final String TYPE = "Notification";

	private final NotificationStore store;

	private final NotificationWording wording;

	private final UserErrors userErrors;

	NotificationListController(NotificationStore store, NotificationWording wording, UserErrors userErrors) {
		this.store = store;
		this.wording = wording;
		this.userErrors = userErrors;
	}

	@QueryMapping
	Connection<Notification> myNotifications(@Argument Integer first, @Argument String after, Actor actor) {
		long accountId = Actor.signedIn(actor).accountId();
		Connection.Page page = Connection.Page.of(first, after);
		return Connection.of(this.store.of(accountId, page.offset(), page.limit()), page, this.store.count(accountId));
	}

	/** The reader's unread count, whichever page they asked for: the badge on their home screen. */
	@SchemaMapping(typeName = "NotificationConnection", field = "unreadCount")
	int unreadCount(Connection<Notification> page, Actor actor) {
		return this.store.unread(Actor.signedIn(actor).accountId());
	}

	@SchemaMapping(typeName = TYPE, field = "message")
	String message(Notification notification, Locale locale) {
		return this.wording.message(notification.notice(), locale);
	}

	@SchemaMapping(typeName = TYPE, field = "read")
	boolean read(Notification notification) {
		return notification.readAt() != null;
	}

	/**
	 * Marks the person's own notifications read; others' IDs change nothing, as if unknown, so
	 * nobody learns which IDs exist. Marking twice is harmless.
	 */
	@MutationMapping
	MarkReadPayload notificationsMarkRead(@Argument MarkReadInput input, Actor actor, Locale locale) {
		long accountId = Actor.signedIn(actor).accountId();
		List<Long> ids = new ArrayList<>();
		for (String id : input.ids() == null ? List.<String>of() : input.ids()) {
			ids.add(GlobalId.keyOf(id, TYPE));
		}
		Long upTo = input.upTo() == null ? null : GlobalId.keyOf(input.upTo(), TYPE);
		if (ids.isEmpty() && upTo == null) {
			return new MarkReadPayload(this.store.unread(accountId),
					List.of(this.userErrors.onField("INVALID_INPUT", locale, "ids")));
		}
		this.store.markRead(accountId, ids, upTo);
		return new MarkReadPayload(this.store.unread(accountId), List.of());
	}

	record MarkReadInput(List<String> ids, String upTo) {
	}

	record MarkReadPayload(int unreadCount, List<UserError> userErrors) {
	}

}
