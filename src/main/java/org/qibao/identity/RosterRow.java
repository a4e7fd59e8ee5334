package org.qibao.identity;

import java.util.List;

/**
 * A row of a roster's preview: what was read, the phone number as digits when it is one, the
 * team it names, and what is wrong with it (codes; none when it can be applied).
 *
 * @param phone the digits, or the text as typed when it is no phone number
 * @param teamId the named team, or null for none or an unknown one
 */
record RosterRow(int row, String name, String phone, String team, Long teamId, List<String> errors) {

	boolean valid() {
		return this.errors.isEmpty();
	}

}
