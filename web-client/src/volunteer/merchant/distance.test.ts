import { describe, expect, it } from 'vitest';
import { positionProblem, spokenDistance } from './distance';

describe('distances to shops', () => {
  it('says metres in whole tens under a kilometre', () => {
    expect(spokenDistance(0)).toEqual({ unit: 'm', value: '0' });
    expect(spokenDistance(4)).toEqual({ unit: 'm', value: '0' });
    expect(spokenDistance(347)).toEqual({ unit: 'm', value: '350' });
    expect(spokenDistance(994)).toEqual({ unit: 'm', value: '990' });
  });

  it('says kilometres with one decimal from a kilometre, and whole ones from ten', () => {
    expect(spokenDistance(995)).toEqual({ unit: 'km', value: '1.0' });
    expect(spokenDistance(1234)).toEqual({ unit: 'km', value: '1.2' });
    expect(spokenDistance(9949)).toEqual({ unit: 'km', value: '9.9' });
    expect(spokenDistance(9950)).toEqual({ unit: 'km', value: '10' });
    expect(spokenDistance(19_600)).toEqual({ unit: 'km', value: '20' });
  });

  it('tells a refused position from one the phone could not find', () => {
    expect(positionProblem(new Error('denied'))).toBe('denied');
    expect(positionProblem(new Error('unavailable'))).toBe('unavailable');
    expect(positionProblem('timeout')).toBe('unavailable');
  });
});
