package org.qibao.shared;

import graphql.introspection.Introspection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.qibao.Clients;
import org.qibao.QibaoTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Production switches introspection off; queries go on working. */
@QibaoTest
@TestPropertySource(properties = "spring.graphql.schema.introspection.enabled=false")
class IntrospectionSwitchedOffTests {

	@LocalServerPort
	int port;

	/**
	 * Spring Boot switches introspection off JVM-wide ({@code Introspection.enabledJvmWide}), not
	 * per application: the other test classes' servers, in the same JVM, must have it back.
	 */
	@AfterAll
	static void introspectionBackForTheOtherServers() {
		Introspection.enabledJvmWide(true);
	}

	@Test
	void theSchemaCannotBeReadButQueriesStillWork() {
		Clients.anonymous(this.port)
			.document("{ __schema { types { name } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
		Clients.anonymous(this.port)
			.document("{ cities { name } }")
			.execute()
			.path("cities[0].name").entity(String.class).isEqualTo("武汉市");
	}

}
