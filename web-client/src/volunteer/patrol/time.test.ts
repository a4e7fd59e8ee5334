import { describe, expect, it } from 'vitest';
import { instantOf, shiftTime } from './time';

describe('shiftTime', () => {
  it('shows a shift in the community time zone, whatever the phone is set to', () => {
    expect(shiftTime('2026-11-28T01:00:00Z', '2026-11-28T03:00:00Z', 'Asia/Shanghai', 'en')).toContain('09:00–11:00');
  });

  it('keeps a Berlin shift at nine on both sides of the change to summer time', () => {
    expect(shiftTime('2026-03-28T08:00:00Z', '2026-03-28T10:00:00Z', 'Europe/Berlin', 'en')).toContain('09:00–11:00');
    expect(shiftTime('2026-03-29T07:00:00Z', '2026-03-29T09:00:00Z', 'Europe/Berlin', 'en')).toContain('09:00–11:00');
  });
});

describe('instantOf', () => {
  it('reads a wall-clock time in the community zone', () => {
    expect(instantOf('2026-11-28T09:00', 'Asia/Shanghai')).toBe('2026-11-28T01:00:00.000Z');
  });

  it('follows daylight saving in zones that have it', () => {
    expect(instantOf('2026-03-28T09:00', 'Europe/Berlin')).toBe('2026-03-28T08:00:00.000Z');
    expect(instantOf('2026-03-29T09:00', 'Europe/Berlin')).toBe('2026-03-29T07:00:00.000Z');
  });
});
