import { describe, expect, it } from 'vitest';
import { groupCode } from './resetCode';

describe('groupCode', () => {
  it('splits an eight-character code into two groups to read aloud', () => {
    expect(groupCode('K7M3QP9X')).toBe('K7M3 QP9X');
  });

  it('leaves anything else as it is', () => {
    expect(groupCode('ABC')).toBe('ABC');
  });
});
