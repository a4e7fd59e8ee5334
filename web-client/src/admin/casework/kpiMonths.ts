/** The `count` months up to and including the one `today` falls in, oldest first, as `YYYY-MM` in that time zone. */
export function lastMonths(today: Date, count: number, timeZone: string): string[] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(today);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** A rate from 0 to 1 as a whole percentage, or null when there was nothing to measure. */
export function percent(rate: number | null | undefined): number | null {
  return rate == null || !Number.isFinite(rate) ? null : Math.round(rate * 100);
}
