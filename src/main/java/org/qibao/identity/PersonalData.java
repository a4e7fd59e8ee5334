package org.qibao.identity;

import java.util.List;
import java.util.Map;

/**
 * One module's part of a person's own data, for "My data" (China's PIPL): each module that keeps
 * something about a person implements it, so that the export never misses a module's tables.
 */
public interface PersonalData {

	/** The section's name in the export, e.g. {@code passbookEntries}. */
	String section();

	/** The person's rows, as plain values (strings, numbers, booleans, times as ISO strings). */
	List<Map<String, Object>> of(long accountId);

}
