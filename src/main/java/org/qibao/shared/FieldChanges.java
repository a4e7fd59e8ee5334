package org.qibao.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a thing that an edit changed, as an {@link AdministrativeAction}'s before and
 * after: fields whose value stayed the same are left out of both, so the audit log shows what
 * the person actually changed.
 */
public record FieldChanges(Map<String, Object> before, Map<String, Object> after) {

	/** The fields that differ between the two states (both given with the same field names). */
	public static FieldChanges between(Map<String, ?> before, Map<String, ?> after) {
		Map<String, Object> was = new LinkedHashMap<>();
		Map<String, Object> is = new LinkedHashMap<>();
		before.forEach((field, value) -> {
			if (!Objects.equals(value, after.get(field))) {
				was.put(field, value);
			}
		});
		after.forEach((field, value) -> {
			if (!Objects.equals(value, before.get(field))) {
				is.put(field, value);
			}
		});
		return new FieldChanges(was, is);
	}

	/** Whether the edit changed nothing at all. */
	public boolean none() {
		return this.before.isEmpty() && this.after.isEmpty();
	}

}
