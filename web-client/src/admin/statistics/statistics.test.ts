import { describe as suite, expect, it } from 'vitest';
import { statisticsCsvPath } from './csv';
import { hours } from './figures';
import { describe } from './StatisticsChart';

suite('the statistics screen', () => {
  it('shows minutes as hours with one decimal', () => {
    expect(hours(135)).toBe(2.3);
    expect(hours(90)).toBe(1.5);
    expect(hours(0)).toBe(0);
  });

  it('exports the month and grid it shows', () => {
    expect(statisticsCsvPath('Q29t', '2026-03', '')).toBe('/statistics.csv?communityId=Q29t&month=2026-03');
    expect(statisticsCsvPath('Q29t', '2026-03', 'R3Jp+/=')).toBe('/statistics.csv?communityId=Q29t&month=2026-03&gridId=R3Jp%2B%2F%3D');
  });

  it('tells a chart in words, every series with its value per label', () => {
    expect(describe('Hours', ['03-01', '03-02'], [{ name: '步行队', values: [0, 1.5] }, { name: '灯笼队', values: [2, 0] }]))
      .toBe('Hours: 步行队 03-01 0, 03-02 1.5; 灯笼队 03-01 2, 03-02 0');
  });
});
