package org.qibao.patrol;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The patrol module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PatrolProperties.class)
class PatrolConfiguration {
}
