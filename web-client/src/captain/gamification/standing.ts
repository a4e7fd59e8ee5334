/** A team's standing from the community's boards: its own place, and each member's points and place. */

interface TeamEntry {
  rank: number;
  points: number;
  team?: { id: string } | null;
}

interface VolunteerEntry {
  rank: number;
  points: number;
  account?: { id: string } | null;
}

interface Member {
  status: string;
  account: { id: string; displayName: string };
}

export interface MemberStanding {
  id: string;
  displayName: string;
  active: boolean;
  /** Null when the member has no points in the period (or is beyond the page the board gave). */
  rank: number | null;
  points: number;
}

export function teamPlace(teamId: string, board: readonly TeamEntry[]): TeamEntry | null {
  return board.find((entry) => entry.team?.id === teamId) ?? null;
}

/**
 * The members, best placed first, then those without points in alphabetical order of their names;
 * inactive members last, since the captain looks first at who patrols now.
 */
export function memberStandings(members: readonly Member[], board: readonly VolunteerEntry[]): MemberStanding[] {
  const byAccount = new Map(board.filter((e) => e.account).map((e) => [e.account!.id, e]));
  return members
    .map((m) => {
      const entry = byAccount.get(m.account.id);
      return {
        id: m.account.id, displayName: m.account.displayName, active: m.status === 'ACTIVE',
        rank: entry?.rank ?? null, points: entry?.points ?? 0,
      };
    })
    .sort((a, b) => Number(b.active) - Number(a.active)
      || (a.rank ?? Infinity) - (b.rank ?? Infinity)
      || a.displayName.localeCompare(b.displayName, 'zh-CN'));
}
