package org.qibao.timebank;

import java.util.Map;
import java.util.stream.Collectors;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.NodeType;
import org.springframework.security.core.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Schools and their courses are public, as {@code Community.school} and {@code School.courses} are;
 * a ledger correction only for its community's administrators, as {@code ledgerCorrections} lists it.
 */
@Configuration(proxyBeanMethods = false)
class TimeBankNodeTypes {

	@Bean
	NodeType<School> schoolNodeType(Schools schools) {
		return NodeType.visibleToAll("School", schools::findAll);
	}

	@Bean
	NodeType<LedgerCorrection> ledgerCorrectionNodeType(CorrectionRows rows) {
		return NodeType.of("LedgerCorrection", rows::findAll, (found, viewer) -> {
			Actor actor = viewer instanceof Authentication a && a.getPrincipal() instanceof Actor signedIn ? signedIn : null;
			return found.entrySet()
				.stream()
				.filter(e -> actor != null && actor.has(Role.ADMINISTRATOR, e.getValue().communityId()))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		});
	}

	@Bean
	NodeType<Course> courseNodeType(Courses courses) {
		return NodeType.visibleToAll("Course", courses::findAll);
	}

}
