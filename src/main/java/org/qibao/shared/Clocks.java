package org.qibao.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in UTC: rules take the time from it rather than from the wall,
 * so that a test can set it. A community's time zone is applied at the edges, not here.
 */
@Configuration(proxyBeanMethods = false)
class Clocks {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
