import { bearer } from '../../shared/graphql/endpoint';

/** Downloads the passbook as CSV from GET /passbook.csv, which needs the bearer token a link cannot carry. */
export async function downloadPassbookCsv(token: string): Promise<void> {
  const response = await fetch('/passbook.csv', { headers: { Authorization: bearer(token) } });
  if (!response.ok) throw new Error(`passbook.csv: ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'passbook.csv';
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
