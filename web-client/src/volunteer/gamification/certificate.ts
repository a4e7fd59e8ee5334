/** The arithmetic of the service certificate: hours as volunteer organisations write them, and years. */

/** Minutes as hours with one decimal, rounded down (a certificate never claims more than was served). */
export function serviceHours(minutes: number): string {
  const tenths = Math.floor((Math.max(0, minutes) * 10) / 60);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

export interface RecordLine {
  year: number;
  verifiedMinutes: number;
  patrols: number;
}

export interface CertificateYear<L extends RecordLine> {
  year: number;
  lines: L[];
  minutes: number;
  patrols: number;
}

/** The record's lines by year, newest first, each year with its total (a year may span two teams). */
export function certificateYears<L extends RecordLine>(lines: readonly L[]): CertificateYear<L>[] {
  const years = new Map<number, CertificateYear<L>>();
  for (const line of lines) {
    const year = years.get(line.year) ?? { year: line.year, lines: [], minutes: 0, patrols: 0 };
    year.lines.push(line);
    year.minutes += line.verifiedMinutes;
    year.patrols += line.patrols;
    years.set(line.year, year);
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}

/** The first and last year served, or null for a record without service. */
export function serviceSpan(lines: readonly RecordLine[]): { from: number; to: number } | null {
  if (lines.length === 0) return null;
  const years = lines.map((line) => line.year);
  return { from: Math.min(...years), to: Math.max(...years) };
}
