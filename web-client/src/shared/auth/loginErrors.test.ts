import { describe, expect, it } from 'vitest';
import { loginProblems, normalisePhone } from './loginErrors';

describe('loginProblems', () => {
  it('shows known codes in the app language, marking the input that caused them', () => {
    expect(
      loginProblems([{ code: 'INVALID_CREDENTIALS', message: '手机号或密码错误', field: ['input', 'password'] }]),
    ).toEqual([{ key: 'errors.INVALID_CREDENTIALS', message: '手机号或密码错误', field: 'password' }]);
  });

  it("shows the server's own message for a code the app does not know", () => {
    expect(loginProblems([{ code: 'ACCOUNT_LOCKED', message: 'Your account is locked.', field: null }])).toEqual([
      { key: null, message: 'Your account is locked.', field: null },
    ]);
  });
});

describe('normalisePhone', () => {
  it('drops the spaces and dashes people type into phone numbers', () => {
    expect(normalisePhone(' 138 0000-0000 ')).toBe('13800000000');
    expect(normalisePhone('+86 138 0000 0000')).toBe('+8613800000000');
  });
});
