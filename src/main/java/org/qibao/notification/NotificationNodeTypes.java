package org.qibao.notification;

import java.util.Map;
import java.util.stream.Collectors;

import org.qibao.identity.Actor;
import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

/** A notification by its ID is its addressee's alone; to anyone else it does not exist. */
@Configuration(proxyBeanMethods = false)
class NotificationNodeTypes {

	@Bean
	NodeType<Notification> notificationNodeType(NotificationStore store) {
		return NodeType.of("Notification", store::findAll, (found, viewer) -> {
			Actor actor = viewer instanceof Authentication authentication
					&& authentication.getPrincipal() instanceof Actor signedIn ? signedIn : null;
			if (actor == null) {
				return Map.of();
			}
			return found.entrySet()
				.stream()
				.filter(e -> e.getValue().accountId() == actor.accountId())
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		});
	}

}
