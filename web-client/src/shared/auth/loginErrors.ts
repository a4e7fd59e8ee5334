/** Codes of accountLogin's user errors that have their own text in the translation files. */
const TRANSLATED_CODES = ['INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS', 'INVALID_INPUT'] as const;
type TranslatedCode = (typeof TRANSLATED_CODES)[number];

export interface UserErrorLike {
  code: string;
  message: string;
  field?: readonly string[] | null;
}

export interface LoginProblem {
  /** A translation key under `errors.`, or null to show the server's own message. */
  key: `errors.${TranslatedCode}` | null;
  message: string;
  /** The input that caused it (`phone` or `password`), to mark it invalid. */
  field: 'phone' | 'password' | null;
}

/**
 * Turns the server's user errors into what the sign-in screen shows. Known codes use the app's own
 * text, so the message follows the language switch even after it was received; unknown codes show
 * the server's message, which it already wrote in the language the request asked for.
 */
export function loginProblems(userErrors: readonly UserErrorLike[]): LoginProblem[] {
  return userErrors.map((error) => ({
    key: (TRANSLATED_CODES as readonly string[]).includes(error.code)
      ? `errors.${error.code as TranslatedCode}`
      : null,
    message: error.message,
    field: inputOf(error.field),
  }));
}

function inputOf(path: readonly string[] | null | undefined): LoginProblem['field'] {
  const name = path?.[path.length - 1];
  return name === 'phone' || name === 'password' ? name : null;
}

/** People type phone numbers with spaces or dashes (138 0000 0000); the server wants digits or +86. */
export function normalisePhone(typed: string): string {
  return typed.replace(/[\s\-()]/g, '');
}
