package org.qibao.security;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A real object one caller's request acts on, made for that request alone: the request's variables
 * naming it, and a reading of its state in PostgreSQL, which a refusal must leave as it was and an
 * allowed mutation must change. Objects only read (by queries) have no state to watch.
 */
record ExistingObject(Map<String, Object> variables, Supplier<Object> state) {

	static ExistingObject read(Map<String, Object> variables) {
		return new ExistingObject(variables, () -> "read only");
	}

	/** A mutation's single {@code input} argument. */
	static ExistingObject input(Map<String, Object> input, Supplier<Object> state) {
		return new ExistingObject(Map.of("input", input), state);
	}

}
