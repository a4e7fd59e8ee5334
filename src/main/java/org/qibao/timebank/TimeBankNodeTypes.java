package org.qibao.timebank;

import org.qibao.shared.NodeType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Schools and their courses are public, as {@code Community.school} and {@code School.courses} are. */
@Configuration(proxyBeanMethods = false)
class TimeBankNodeTypes {

	@Bean
	NodeType<School> schoolNodeType(Schools schools) {
		return NodeType.visibleToAll("School", schools::findAll);
	}

	@Bean
	NodeType<Course> courseNodeType(Courses courses) {
		return NodeType.visibleToAll("Course", courses::findAll);
	}

}
