import { describe, expect, it } from 'vitest';
import { type EditableOffer, fieldOf, formOf, updateInputOf, wallTimeOf } from './offerForm';

const SHANGHAI = 'Asia/Shanghai';

const offer: EditableOffer = {
  id: 'T2ZmZXI6MQ',
  title: '理发',
  description: '洗剪吹',
  discount: '减 10 元',
  priceMinutes: 60,
  validFrom: '2026-11-26T16:00:30.250Z',
  validUntil: '2027-11-27T16:00:00Z',
  dailyLimit: 1,
  monthlyLimit: null,
  stock: 50,
};

describe('the offer edit form', () => {
  it('shows times on the community clock, whatever zone the phone is in', () => {
    expect(wallTimeOf('2026-11-26T16:00:30Z', SHANGHAI)).toBe('2026-11-27T00:00');
    expect(wallTimeOf('2026-11-27T09:05:00Z', 'Europe/London')).toBe('2026-11-27T09:05');
  });

  it('is prefilled with the terms, empty where there is no limit', () => {
    expect(formOf(offer, SHANGHAI)).toEqual({
      title: '理发', discount: '减 10 元', description: '洗剪吹', price: '60',
      validFrom: '2026-11-27T00:00', validUntil: '2027-11-28T00:00', daily: '1', monthly: '', stock: '50',
    });
  });

  it('sends the terms unchanged when nothing was edited, keeping the exact start', () => {
    const built = updateInputOf(offer, formOf(offer, SHANGHAI), SHANGHAI);
    expect(built.problems).toEqual([]);
    expect(built.input).toEqual({
      offerId: 'T2ZmZXI6MQ', title: '理发', discount: '减 10 元', description: '洗剪吹', priceMinutes: 60,
      validFrom: '2026-11-26T16:00:30.250Z', validUntil: '2027-11-27T16:00:00Z', dailyLimit: 1, monthlyLimit: null, stock: 50,
    });
  });

  it('turns edited numbers, emptied limits and a new end time into the input', () => {
    const form = { ...formOf(offer, SHANGHAI), price: ' 45 ', title: ' 理发加洗头 ', daily: '', stock: '0', validUntil: '2026-12-31T21:30' };
    const built = updateInputOf(offer, form, SHANGHAI);
    expect(built.input).toMatchObject({
      title: '理发加洗头', priceMinutes: 45, dailyLimit: null, stock: 0, validUntil: '2026-12-31T13:30:00.000Z',
    });
  });

  it('keeps back numbers that are not whole and times that are missing, naming their fields', () => {
    const form = { ...formOf(offer, SHANGHAI), price: '1.5', monthly: 'ten', validFrom: '' };
    expect(updateInputOf(offer, form, SHANGHAI)).toEqual({
      input: null,
      problems: [
        { field: 'priceMinutes', key: 'offers.edit.wholeNumber' },
        { field: 'validFrom', key: 'offers.edit.timeRequired' },
        { field: 'monthlyLimit', key: 'offers.edit.wholeNumber' },
      ],
    });
    expect(updateInputOf(offer, { ...formOf(offer, SHANGHAI), price: '' }, SHANGHAI).problems)
      .toEqual([{ field: 'priceMinutes', key: 'offers.edit.wholeNumber' }]);
  });

  it('places a user error next to the field it names', () => {
    expect(fieldOf(['input', 'priceMinutes'])).toBe('priceMinutes');
    expect(fieldOf(['input', 'validUntil'])).toBe('validUntil');
    expect(fieldOf(['input', 'offerId'])).toBeNull();
    expect(fieldOf(null)).toBeNull();
  });
});
