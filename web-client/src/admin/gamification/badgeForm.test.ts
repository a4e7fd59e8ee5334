import { describe, expect, it } from 'vitest';
import { EMPTY_BADGE, badgeForm, ruleExtra, ruleInput } from './badgeForm';

describe('the badge editor form', () => {
  it('sends a whole-number threshold with the metric and window as chosen', () => {
    expect(ruleInput({ ...EMPTY_BADGE, threshold: ' 600 ' })).toEqual({
      rule: { metric: 'VERIFIED_PATROL_MINUTES', threshold: 600, window: 'ALL_TIME' },
    });
  });

  it('leaves a negative threshold for the server to refuse, with its own message', () => {
    expect(ruleInput({ ...EMPTY_BADGE, threshold: '-5' })).toEqual({
      rule: { metric: 'VERIFIED_PATROL_MINUTES', threshold: -5, window: 'ALL_TIME' },
    });
  });

  it('cannot send a threshold that is not a whole number', () => {
    expect(ruleInput({ ...EMPTY_BADGE, threshold: '' })).toEqual({ invalid: 'rule.threshold' });
    expect(ruleInput({ ...EMPTY_BADGE, threshold: '1.5' })).toEqual({ invalid: 'rule.threshold' });
    expect(ruleInput({ ...EMPTY_BADGE, threshold: '99999999999' })).toEqual({ invalid: 'rule.threshold' });
  });

  it('sends the time of day only for early-bird rules and the weekday only for weekday rules', () => {
    const early = { ...EMPTY_BADGE, metric: 'PATROLS_STARTING_BEFORE', threshold: '10', beforeTime: '07:00', weekday: 'SUNDAY' };
    expect(ruleInput(early)).toEqual({ rule: { metric: 'PATROLS_STARTING_BEFORE', threshold: 10, window: 'ALL_TIME', beforeTime: '07:00' } });
    const sundays = { ...EMPTY_BADGE, metric: 'PATROL_DAYS_ON_WEEKDAY', threshold: '52', window: 'CALENDAR_YEAR', beforeTime: '07:00', weekday: 'SUNDAY' };
    expect(ruleInput(sundays)).toEqual({ rule: { metric: 'PATROL_DAYS_ON_WEEKDAY', threshold: 52, window: 'CALENDAR_YEAR', weekday: 'SUNDAY' } });
    expect(ruleExtra('PATROLS')).toBeNull();
  });

  it('fills the form from a badge to edit it', () => {
    const badge = {
      key: 'early-bird', name: { zhCN: '早起鸟', en: 'Early bird' }, description: { zhCN: '七点前巡逻十次', en: 'Ten patrols before seven' },
      rule: { metric: 'PATROLS_STARTING_BEFORE', threshold: 10, window: 'ALL_TIME', beforeTime: '07:00', weekday: null },
    };
    expect(badgeForm(badge)).toEqual({
      key: 'early-bird', nameZhCN: '早起鸟', nameEn: 'Early bird', descriptionZhCN: '七点前巡逻十次', descriptionEn: 'Ten patrols before seven',
      metric: 'PATROLS_STARTING_BEFORE', threshold: '10', window: 'ALL_TIME', beforeTime: '07:00', weekday: '',
    });
  });
});
