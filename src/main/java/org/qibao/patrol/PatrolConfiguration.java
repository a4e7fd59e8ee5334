package org.qibao.patrol;

import org.qibao.shared.NodeType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The patrol module's settings, and the objects node(id:) serves: personal records (sign-ups,
 * check-ins, attendance) are left out, because node(id:) does not know who asks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatrolProperties.class)
class PatrolConfiguration {

	@Bean
	static NodeType<Shift> shiftNodeType(PatrolQueries queries) {
		return NodeType.of("Shift", queries::shifts);
	}

	@Bean
	static NodeType<ShiftSchedule> shiftScheduleNodeType(PatrolQueries queries) {
		return NodeType.of("ShiftSchedule", queries::schedules);
	}

}
