import type { UserErrorLike } from './loginErrors';

/** The shortest new password the server accepts (PasswordRules.MIN_LENGTH). */
export const MIN_PASSWORD_LENGTH = 8;

/** Codes of accountPasswordChange's user errors that have their own text in the translation files. */
const TRANSLATED_CODES = ['WRONG_PASSWORD', 'WEAK_PASSWORD', 'TOO_MANY_ATTEMPTS'] as const;
type TranslatedCode = (typeof TRANSLATED_CODES)[number];

export type PasswordField = 'currentPassword' | 'newPassword' | 'repeatPassword';

export interface PasswordProblem {
  /** A translation key under `account.errors.`, or null to show the server's own message. */
  key: `account.errors.${TranslatedCode | 'currentRequired' | 'tooShort' | 'notRepeated'}` | null;
  message?: string;
  field: PasswordField | null;
}

/** What is wrong with the form before anything is sent; empty when it can be sent. */
export function passwordFormProblems(current: string, next: string, repeated: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (!current) problems.push({ key: 'account.errors.currentRequired', field: 'currentPassword' });
  if (next.length < MIN_PASSWORD_LENGTH) problems.push({ key: 'account.errors.tooShort', field: 'newPassword' });
  else if (next !== repeated) problems.push({ key: 'account.errors.notRepeated', field: 'repeatPassword' });
  return problems;
}

/** The server's refusals, in the app's own words where it has them (they follow the language switch). */
export function passwordChangeProblems(userErrors: readonly UserErrorLike[]): PasswordProblem[] {
  return userErrors.map((error) => {
    const known = (TRANSLATED_CODES as readonly string[]).includes(error.code);
    const name = error.field?.[error.field.length - 1];
    return {
      key: known ? `account.errors.${error.code as TranslatedCode}` : null,
      message: error.message,
      field: name === 'currentPassword' || name === 'newPassword' ? name : null,
    };
  });
}
