/** A mutation's user error as the schema gives it: `field` is the path to the input field, or null. */
export interface UserErrorLike {
  message: string;
  field?: readonly string[] | null;
}

export interface FieldErrors {
  /** Messages by field path below `input`, e.g. `rule.threshold` or `levels.2.nameEn`. */
  byField: Record<string, string>;
  /** Messages that name no field the form shows: shown at the top of the form. */
  general: string[];
}

/**
 * Sorts a payload's user errors to the fields they are about, so each message shows beside its
 * field; `known` says which fields the form has, and the rest are shown for the form as a whole.
 */
export function fieldErrors(errors: readonly UserErrorLike[], known: (path: string) => boolean): FieldErrors {
  const result: FieldErrors = { byField: {}, general: [] };
  for (const error of errors) {
    const path = (error.field ?? []).filter((part, index) => !(index === 0 && part === 'input')).join('.');
    if (path && known(path) && !(path in result.byField)) result.byField[path] = error.message;
    else result.general.push(error.message);
  }
  return result;
}
