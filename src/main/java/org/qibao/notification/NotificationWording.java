package org.qibao.notification;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words a notice in the reader's language when they read it, so a change of language changes
 * their whole list. A notice with a detail uses {@code notification.KIND.withDetail} when the
 * kind words a detail differently (a gift with or without a note).
 */
@Component
class NotificationWording {

	private final MessageSource messages;

	NotificationWording(MessageSource messages) {
		this.messages = messages;
	}

	String message(Notice notice, Locale locale) {
		Locale reader = locale != null ? locale : Locale.SIMPLIFIED_CHINESE;
		Object[] arguments = notice.arguments().toArray();
		String key = "notification." + notice.kind().name();
		String withDetail = notice.detail() == null ? null
				: this.messages.getMessage(key + ".withDetail", arguments, null, reader);
		return withDetail != null ? withDetail : this.messages.getMessage(key, arguments, notice.kind().name(), reader);
	}

}
