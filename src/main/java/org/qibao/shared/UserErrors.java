package org.qibao.shared;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Makes {@link UserError}s with messages in the caller's language, from the
 * {@code error.CODE} keys of the message bundles.
 */
@Component
public class UserErrors {

	private final MessageSource messages;

	UserErrors(MessageSource messages) {
		this.messages = messages;
	}

	/** An error on an input field, given by its path from {@code input}, e.g. {@code "phone"}. */
	public UserError onField(String code, Locale locale, String field, Object... args) {
		return new UserError(code, message(code, locale, args), List.of("input", field));
	}

	/** An error that no single input field caused. */
	public UserError of(String code, Locale locale, Object... args) {
		return new UserError(code, message(code, locale, args), null);
	}

	/** The error a refused command stands for. */
	public UserError of(BusinessRuleException refusal, Locale locale) {
		String message = message(refusal.code(), locale, refusal.args());
		return new UserError(refusal.code(), message, refusal.field() != null ? List.of("input", refusal.field()) : null);
	}

	private String message(String code, Locale locale, Object... args) {
		return this.messages.getMessage("error." + code, args, code, locale != null ? locale : Locale.SIMPLIFIED_CHINESE);
	}

}
