package org.qibao.identity;

import java.util.Set;
import java.util.stream.Collectors;

import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;

/**
 * Accounts by ID, for those who may look at them ({@link AccountPrivacy}): nobody signed out,
 * so that IDs cannot be counted through to list everyone's name and roles.
 */
@Configuration(proxyBeanMethods = false)
class IdentityNodeTypes {

	@Bean
	NodeType<Account> accountNodeType(Accounts accounts, AccountPrivacy privacy) {
		return NodeType.of("Account", accounts::findAll, (found, viewer) -> {
			Actor actor = (viewer instanceof Authentication authentication) ? RequestActor.actorOf(authentication) : null;
			Set<Long> readable = privacy.readable(actor, found.keySet());
			return found.entrySet()
				.stream()
				.filter(account -> readable.contains(account.getKey()))
				.collect(Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
		});
	}


	/** Invitations by ID, for the one who made them and the community's administrators. */
	@Bean
	NodeType<Invitation> invitationNodeType(InvitationRows rows) {
		return NodeType.of("Invitation",
				keys -> rows.findAll(keys)
					.stream()
					.collect(Collectors.toMap(Invitation::id, java.util.function.Function.identity())),
				(found, viewer) -> {
					Actor actor = (viewer instanceof Authentication authentication) ? RequestActor.actorOf(authentication)
							: null;
					return found.entrySet()
						.stream()
						.filter(entry -> actor != null && (entry.getValue().invitedBy() == actor.accountId()
								|| actor.has(Role.ADMINISTRATOR, entry.getValue().communityId())))
						.collect(Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
				});
	}


	/** Roster imports by ID, for the administrators of their community. */
	@Bean
	NodeType<RosterImport> rosterImportNodeType(RosterImportRows rows) {
		return NodeType.of("RosterImport",
				keys -> rows.findAll(keys)
					.stream()
					.collect(Collectors.toMap(RosterImport::id, java.util.function.Function.identity())),
				(found, viewer) -> {
					Actor actor = (viewer instanceof Authentication authentication) ? RequestActor.actorOf(authentication)
							: null;
					return found.entrySet()
						.stream()
						.filter(entry -> actor != null && actor.has(Role.ADMINISTRATOR, entry.getValue().communityId()))
						.collect(Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
				});
	}

}
