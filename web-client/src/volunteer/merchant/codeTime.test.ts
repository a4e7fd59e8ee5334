import { describe, expect, it } from 'vitest';
import { countdown, secondsLeft, spacedCode } from './codeTime';

describe('redemption code times', () => {
  it('counts whole seconds down to zero and never below', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    expect(secondsLeft('2026-11-27T10:05:00Z', now)).toBe(300);
    expect(secondsLeft('2026-11-27T09:59:00Z', now)).toBe(0);
  });

  it('shows minutes and padded seconds', () => {
    expect(countdown(245)).toBe('4:05');
    expect(countdown(0)).toBe('0:00');
  });

  it('spaces a six-character code in two halves', () => {
    expect(spacedCode('K7MX3Q')).toBe('K7M X3Q');
  });
});
