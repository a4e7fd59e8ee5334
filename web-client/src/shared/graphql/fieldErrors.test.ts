import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fieldErrors';

describe('user errors beside their fields', () => {
  const known = (path: string) => ['key', 'rule.threshold', 'levels.1.threshold'].includes(path);

  it('puts each message by the field its path names, below input', () => {
    const errors = fieldErrors([
      { message: 'must be 1 or more', field: ['input', 'rule', 'threshold'] },
      { message: 'must rise', field: ['input', 'levels', '1', 'threshold'] },
    ], known);
    expect(errors.byField).toEqual({ 'rule.threshold': 'must be 1 or more', 'levels.1.threshold': 'must rise' });
    expect(errors.general).toEqual([]);
  });

  it('takes a path given as one dotted segment the same way', () => {
    expect(fieldErrors([{ message: 'must be 1 or more', field: ['input', 'rule.threshold'] }], known).byField)
      .toEqual({ 'rule.threshold': 'must be 1 or more' });
  });

  it('shows a message without a field, or for a field the form lacks, for the whole form', () => {
    const errors = fieldErrors([
      { message: 'not allowed', field: null },
      { message: 'unknown community', field: ['input', 'communityId'] },
    ], known);
    expect(errors.byField).toEqual({});
    expect(errors.general).toEqual(['not allowed', 'unknown community']);
  });

  it('keeps the first message of a field and shows a second one for the form', () => {
    const errors = fieldErrors([
      { message: 'taken', field: ['input', 'key'] },
      { message: 'too long', field: ['input', 'key'] },
    ], known);
    expect(errors.byField).toEqual({ key: 'taken' });
    expect(errors.general).toEqual(['too long']);
  });
});
