package org.qibao.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What to tell a person, in no language yet: the kind picks the message, the parameters fill it
 * (names, numbers, a local time already written out), and the detail is what someone typed (a
 * reason, a note). The wording happens when the person reads it, in the language they read in.
 *
 * @param kind what it is about
 * @param params the message's arguments {0}, {1}…, language-neutral: text and whole numbers
 * @param detail text a person wrote, the message's last argument, or null
 * @param shiftId the shift it is about, or null
 * @param teamId the team it is about, or null
 * @param onceKey a natural key (say {@code gift:42}): a second notice with the same key to the same
 *        person is dropped, so a redelivered event tells once; null when the change cannot repeat
 */
public record Notice(NotificationKind kind, List<Object> params, String detail, Long shiftId, Long teamId,
		String onceKey) {

	public Notice {
		params = List.copyOf(params);
	}

	public static Notice of(NotificationKind kind, Object... params) {
		return new Notice(kind, Arrays.asList(params).stream().map(p -> p == null ? "" : p).toList(), null, null,
				null, null);
	}

	public Notice withDetail(String text) {
		return new Notice(this.kind, this.params, text == null || text.isBlank() ? null : text, this.shiftId,
				this.teamId, this.onceKey);
	}

	public Notice about(Long shift, Long team) {
		return new Notice(this.kind, this.params, this.detail, shift, team, this.onceKey);
	}

	public Notice once(String key) {
		return new Notice(this.kind, this.params, this.detail, this.shiftId, this.teamId, key);
	}

	/** The message's arguments: the parameters, then the detail. */
	List<Object> arguments() {
		List<Object> all = new ArrayList<>(this.params);
		all.add(this.detail == null ? "" : this.detail);
		return all;
	}

}
