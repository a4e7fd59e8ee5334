import { describe, expect, it } from 'vitest';
import { memberStandings, teamPlace } from './standing';

const member = (id: string, displayName: string, status = 'ACTIVE') => ({ status, account: { id, displayName } });

describe('a team standing on the community boards', () => {
  it('finds the team among the teams of the community', () => {
    const board = [{ rank: 1, points: 900, team: { id: 'T2' } }, { rank: 2, points: 400, team: { id: 'T1' } }];
    expect(teamPlace('T1', board)).toEqual({ rank: 2, points: 400, team: { id: 'T1' } });
    expect(teamPlace('T9', board)).toBeNull();
  });

  it('lists members best placed first, then those without points, inactive members last', () => {
    const members = [member('A', '王奶奶'), member('B', '陈阿姨'), member('C', '赵爷爷', 'INACTIVE'), member('D', '李大伯')];
    const board = [{ rank: 3, points: 50, account: { id: 'D' } }, { rank: 7, points: 10, account: { id: 'B' } },
      { rank: 1, points: 99, account: { id: 'C' } }, { rank: 2, points: 60, account: null }];
    expect(memberStandings(members, board).map((m) => [m.displayName, m.rank, m.points])).toEqual([
      ['李大伯', 3, 50], ['陈阿姨', 7, 10], ['王奶奶', null, 0], ['赵爷爷', 1, 99],
    ]);
  });
});
