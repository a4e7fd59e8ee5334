import { bearer } from '../graphql/endpoint';

/** Downloads the person's own data as JSON from GET /my-data.json, which needs the bearer token a link cannot carry. */
export async function downloadMyData(token: string): Promise<void> {
  const response = await fetch('/my-data.json', { headers: { Authorization: bearer(token) } });
  if (!response.ok) throw new Error(`my-data.json: ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'qibao-my-data.json';
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The sections in the order the screen lists them; any section the server adds later comes after. */
export const SECTION_ORDER = [
  'account', 'roles', 'teamMemberships', 'shiftSignups', 'checkIns', 'patrolPositions', 'passbookEntries',
  'redemptions', 'caseReports', 'pointsEntries', 'badges',
] as const;

export function orderedSections<T extends { name: string }>(sections: readonly T[]): T[] {
  const rank = (name: string) => {
    const index = (SECTION_ORDER as readonly string[]).indexOf(name);
    return index < 0 ? SECTION_ORDER.length : index;
  };
  return [...sections].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
