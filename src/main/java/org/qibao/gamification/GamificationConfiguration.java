package org.qibao.gamification;

import java.time.Clock;

import org.qibao.shared.NodeType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's clock (windows, weeks and boards are reckoned from it) and its node types. */
@Configuration(proxyBeanMethods = false)
class GamificationConfiguration {

	@Bean
	@ConditionalOnMissingBean(Clock.class)
	Clock gamificationClock() {
		return Clock.systemUTC();
	}

	/** Badges are public, like the communities they belong to. */
	@Bean
	NodeType<Badge> badgeNodeType(Badges badges) {
		return NodeType.visibleToAll("Badge", badges::findAll);
	}

	/** Goals are public: the home screens show them to everyone. */
	@Bean
	NodeType<CommunityGoal> communityGoalNodeType(CommunityGoals goals) {
		return NodeType.visibleToAll("CommunityGoal", goals::findAll);
	}

}
