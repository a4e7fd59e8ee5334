package org.qibao.location;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.qibao.QibaoTest;
import org.springframework.context.annotation.Import;

/** The whole application, with check-ins the tests open themselves (see {@link TestCheckIns}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QibaoTest
@Import(TestCheckIns.Configuration.class)
@interface LocationTest {
}
