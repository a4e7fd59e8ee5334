package org.qibao.casework;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.qibao.casework.photo.CasePhotoAccess;
import org.qibao.identity.Actor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Who may see which case, as the tests say: the case workflow's rule stands in the application,
 * this one beside it grants what a test grants (any access rule that allows, allows).
 */
public class TestCaseAccess implements CasePhotoAccess {

	/** Case keys far from any the application hands out, and new on every run. */
	private static final AtomicLong NEXT = new AtomicLong(8_000_000_000L + (System.currentTimeMillis() % 1_000_000_000L) * 10);

	private final Set<String> grants = ConcurrentHashMap.newKeySet();

	/** A case key no other test uses. */
	public static long newCaseId() {
		return NEXT.incrementAndGet();
	}

	public void grant(long accountId, long caseId) {
		this.grants.add(accountId + ":" + caseId);
	}

	@Override
	public boolean maySee(Actor actor, long caseId) {
		return actor != null && this.grants.contains(actor.accountId() + ":" + caseId);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		TestCaseAccess testCaseAccess() {
			return new TestCaseAccess();
		}

	}

}
