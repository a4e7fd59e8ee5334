package org.qibao.gamification;

import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's node types. */
@Configuration(proxyBeanMethods = false)
class GamificationConfiguration {

	/** Badges are public, like the communities they belong to. */
	@Bean
	NodeType<Badge> badgeNodeType(Badges badges) {
		return NodeType.visibleToAll("Badge", badges::findOfCommunities);
	}

	/** Goals are public: the home screens show them to everyone. */
	@Bean
	NodeType<CommunityGoal> communityGoalNodeType(CommunityGoals goals) {
		return NodeType.visibleToAll("CommunityGoal", goals::findAll);
	}

}
