import { bearer } from '../../shared/graphql/endpoint';

/** The export's address: the same month and grid the screen shows. */
export function statisticsCsvPath(communityId: string, month: string, gridId: string): string {
  const query = new URLSearchParams({ communityId, month });
  if (gridId) query.set('gridId', gridId);
  return `/statistics.csv?${query.toString()}`;
}

/** Downloads the month's statistics as CSV, which needs the bearer token a link cannot carry. */
export async function downloadStatisticsCsv(token: string, path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { headers: { Authorization: bearer(token) } });
  if (!response.ok) throw new Error(`statistics.csv: ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
