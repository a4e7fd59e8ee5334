package org.qibao.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with each row of a roster, all rows at once: a blank or too long name, a phone
 * number that is none, one that came earlier in the file, one whose account already is a
 * volunteer of the community, a team the community does not have. Rules only: what is known of
 * the community (its volunteers' numbers, its teams) is handed in.
 */
final class RosterCheck {

	private RosterCheck() {
	}

	static List<RosterRow> check(List<RosterLine> lines, Collection<String> volunteerPhones, Map<String, Long> teams) {
		Set<String> seen = new HashSet<>();
		Set<String> volunteers = Set.copyOf(volunteerPhones);
		List<RosterRow> rows = new ArrayList<>();
		for (RosterLine line : lines) {
			List<String> errors = new ArrayList<>();
			if (line.name().isBlank()) {
				errors.add("BLANK_NAME");
			}
			else if (line.name().codePointCount(0, line.name().length()) > Invitations.MAX_NAME_LENGTH) {
				errors.add("NAME_TOO_LONG");
			}
			String phone = PhoneNumbers.normalise(line.phone());
			if (phone.isEmpty()) {
				errors.add("BAD_PHONE");
			}
			else if (!seen.add(phone)) {
				errors.add("DUPLICATE_IN_FILE");
			}
			else if (volunteers.contains(phone)) {
				errors.add("ALREADY_IN_COMMUNITY");
			}
			Long teamId = line.team().isEmpty() ? null : teams.get(line.team());
			if (!line.team().isEmpty() && teamId == null) {
				errors.add("UNKNOWN_TEAM");
			}
			rows.add(new RosterRow(line.row(), line.name(), phone.isEmpty() ? line.phone() : phone, line.team(), teamId,
					List.copyOf(errors)));
		}
		return rows;
	}

	/** The normalised phone numbers of the rows, for asking which already have accounts. */
	static List<String> phones(List<RosterLine> lines) {
		return lines.stream().map(line -> PhoneNumbers.normalise(line.phone())).filter(p -> !p.isEmpty()).toList();
	}

}
