import { describe, expect, it } from 'vitest';
import { hoursAndMinutes, newRequestKey } from './requestKey';

const t = (key: string, options: object) => `${key}:${JSON.stringify(options)}`;

describe('request keys', () => {
  it('are long enough for the server and differ each time', () => {
    const first = newRequestKey();
    expect(first.length).toBeGreaterThanOrEqual(8);
    expect(first).toMatch(/^[A-Za-z0-9_:.-]+$/);
    expect(newRequestKey()).not.toEqual(first);
  });
});

describe('minutes for people', () => {
  it('shows hours and minutes, and a sign for minutes going out', () => {
    expect(hoursAndMinutes(45, t)).toBe('timebank.minutes:{"count":45}');
    expect(hoursAndMinutes(120, t)).toBe('timebank.hours:{"count":2}');
    expect(hoursAndMinutes(-125, t)).toBe('−timebank.hoursMinutes:{"hours":2,"minutes":5}');
  });
});
