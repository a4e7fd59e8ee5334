package org.qibao.schemacoverage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Adds the schema-coverage recorder to every application context the tests start (listed in
 * src/test/resources/META-INF/spring/...AutoConfiguration.imports, so on the test classpath only):
 * Spring for GraphQL chains every {@code Instrumentation} bean into the schema's execution.
 */
@AutoConfiguration
class SchemaCoverageAutoConfiguration {

	@Bean
	SchemaCoverageInstrumentation schemaCoverageInstrumentation() {
		return new SchemaCoverageInstrumentation();
	}

}
