import { describe, expect, it } from 'vitest';
import { byStage, caseActions, mergeUpdate } from './caseActions';

describe('the steps offered on a case', () => {
  it('a reported case can be accepted or rejected', () => {
    expect(caseActions('REPORTED', false)).toEqual(['accept', 'reject']);
  });

  it('only the handler starts and resolves a dispatched case', () => {
    expect(caseActions('DISPATCHED', false)).toEqual([]);
    expect(caseActions('DISPATCHED', true)).toEqual(['start']);
    expect(caseActions('IN_PROGRESS', true)).toEqual(['resolve']);
  });

  it('a resolved case is verified or reopened, and final stages offer nothing', () => {
    expect(caseActions('RESOLVED', false)).toEqual(['verify', 'reopen']);
    expect(caseActions('CLOSED', true)).toEqual([]);
    expect(caseActions('REJECTED', true)).toEqual([]);
  });
});

describe('the board', () => {
  it('groups cases by stage in workflow order and leaves empty stages out', () => {
    const cases = [
      { id: 'a', stage: 'ACCEPTED' as const },
      { id: 'b', stage: 'REPORTED' as const },
      { id: 'c', stage: 'REPORTED' as const },
    ];
    expect(byStage(cases)).toEqual([
      { stage: 'REPORTED', cases: [cases[1], cases[2]] },
      { stage: 'ACCEPTED', cases: [cases[0]] },
    ]);
  });

  it('a live update replaces the case it changes and adds a new one at the end', () => {
    const board = [{ id: 'a', v: 1 }, { id: 'b', v: 1 }];
    expect(mergeUpdate(board, { id: 'a', v: 2 })).toEqual([{ id: 'a', v: 2 }, { id: 'b', v: 1 }]);
    expect(mergeUpdate(board, { id: 'c', v: 1 })).toEqual([...board, { id: 'c', v: 1 }]);
  });
});
