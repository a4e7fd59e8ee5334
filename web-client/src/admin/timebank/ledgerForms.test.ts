import { describe, expect, it } from 'vitest';
import { courseStart, needsSecondAdministrator, policyForm, policyInput, wholeMinutes } from './ledgerForms';

describe('wholeMinutes', () => {
  it('reads whole numbers, signed ones too, so that the server can refuse a negative amount in words', () => {
    expect(wholeMinutes(' 120 ')).toBe(120);
    expect(wholeMinutes('-5')).toBe(-5);
    expect(wholeMinutes('0')).toBe(0);
  });

  it('refuses what is not a whole number, and numbers no 32-bit field holds', () => {
    expect(wholeMinutes('')).toBeNull();
    expect(wholeMinutes('1.5')).toBeNull();
    expect(wholeMinutes('abc')).toBeNull();
    expect(wholeMinutes('99999999999')).toBeNull();
  });
});

describe('the policy form', () => {
  const policy = { dailyEarningCap: 240, totalEarningCap: null, giftMaxMinutes: 120, giftMonthlyMinutes: 300, correctionApprovalThreshold: 120 };

  it('round-trips the policy, an empty lifetime cap meaning none', () => {
    expect(policyInput(policyForm(policy))).toEqual({ figures: policy });
  });

  it('names the first field that is not a whole number', () => {
    expect(policyInput({ ...policyForm(policy), correctionApprovalThreshold: 'two hours' })).toEqual({ notWhole: 'correctionApprovalThreshold' });
    expect(policyInput({ ...policyForm(policy), totalEarningCap: '1.5' })).toEqual({ notWhole: 'totalEarningCap' });
  });
});

describe('courseStart', () => {
  it('turns the date-time field into an instant', () => {
    expect(courseStart('2026-12-24T19:00')).toBe(new Date('2026-12-24T19:00').toISOString());
  });

  it('is null for an empty or broken field', () => {
    expect(courseStart('')).toBeNull();
    expect(courseStart('2026-13-45')).toBeNull();
  });
});

describe('needsSecondAdministrator', () => {
  it('holds exactly at the threshold and asks above it', () => {
    expect(needsSecondAdministrator(120, 120)).toBe(false);
    expect(needsSecondAdministrator(121, 120)).toBe(true);
  });
});
