import { describe, expect, it } from 'vitest';
import { passwordChangeProblems, passwordFormProblems } from './passwordChange';

describe('the password form', () => {
  it('asks for the current password and a long enough new one typed twice alike', () => {
    expect(passwordFormProblems('', 'short', 'short').map((p) => p.field)).toEqual(['currentPassword', 'newPassword']);
    expect(passwordFormProblems('old one', 'long enough', 'long enougg')).toEqual([
      { key: 'account.errors.notRepeated', field: 'repeatPassword' },
    ]);
    expect(passwordFormProblems('old one', 'long enough', 'long enough')).toEqual([]);
  });

  it("shows known refusals in the app's words, on their field, and others as the server wrote them", () => {
    expect(
      passwordChangeProblems([
        { code: 'WRONG_PASSWORD', message: 'wrong', field: ['input', 'currentPassword'] },
        { code: 'SOMETHING_NEW', message: 'Server says so', field: null },
      ]),
    ).toEqual([
      { key: 'account.errors.WRONG_PASSWORD', message: 'wrong', field: 'currentPassword' },
      { key: null, message: 'Server says so', field: null },
    ]);
  });
});
