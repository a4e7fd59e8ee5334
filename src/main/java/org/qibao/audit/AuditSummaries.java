package org.qibao.audit;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An entry in one sentence for a person: what was done ({@code audit.ACTION} in the message
 * bundles, or the action's own name for one without a sentence yet) and which fields it changed.
 */
@Component
class AuditSummaries {

	private final MessageSource messages;

	AuditSummaries(MessageSource messages) {
		this.messages = messages;
	}

	String of(AuditEntry entry, Locale locale) {
		Locale language = locale != null ? locale : Locale.SIMPLIFIED_CHINESE;
		String done = this.messages.getMessage("audit." + entry.action(), null, null, language);
		if (done == null) {
			done = this.messages.getMessage("audit.unnamed", new Object[] { entry.action(), entry.subjectType() },
					language);
		}
		Set<String> changed = changedFields(entry);
		if (changed.isEmpty() || entry.before().isEmpty()) {
			return done;
		}
		return this.messages.getMessage("audit.changed", new Object[] { done, String.join(", ", changed) }, language);
	}

	/** The fields whose value differs between before and after, in name order. */
	static Set<String> changedFields(AuditEntry entry) {
		Set<String> names = new TreeSet<>(entry.before().keySet());
		names.addAll(entry.after().keySet());
		names.removeIf(name -> Objects.equals(entry.before().get(name), entry.after().get(name)));
		return names;
	}

}
