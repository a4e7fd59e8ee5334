package org.qibao.shared.websocket;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.qibao.QibaoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with a short connection_init timeout (so 4408 can be seen in a test),
 * a token key the tests know (so they can sign an expired token), and a test-only subscription.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QibaoTest
@TestPropertySource(properties = { "spring.graphql.websocket.connection-init-timeout=2s",
		"qibao.security.token-secret=" + GraphQlWsTest.TOKEN_SECRET })
@Import(TickingSubscription.class)
@interface GraphQlWsTest {

	String TOKEN_SECRET = "cWliYW8td2Vic29ja2V0LXRlc3RzLWhzMjU2LXNlY3JldC1rZXkhIQ==";

}
