package org.qibao.casework;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.qibao.QibaoTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with the case feed relayed only when a test says so (so a test sees each
 * pass it starts) and with case access granted by the tests ({@link TestCaseAccess}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QibaoTest
@TestPropertySource(properties = "qibao.casework.feed.scheduled=false")
@Import(TestCaseAccess.Configuration.class)
public @interface CaseworkPartsTest {
}
