package org.qibao.shared;

import java.util.List;

/**
 * A business rule that refused a mutation, as carried in the mutation's payload.
 *
 * @param code a stable, machine-readable code
 * @param message a message for a person, in their language
 * @param field the path to the input field at fault, or null
 */
public record UserError(String code, String message, List<String> field) {
}
