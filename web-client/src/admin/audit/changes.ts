/** One row of an entry's before/after table: a field and its value on each side, as text. */
export type ChangeRow = { field: string; before: string; after: string };

/** A value as a person reads it: text as it is, nothing as a dash, anything else as compact JSON. */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The fields of before and after, in the order they first appear, each with its two values. */
export function changeRows(before: unknown, after: unknown): ChangeRow[] {
  const was = asFields(before);
  const is = asFields(after);
  const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])];
  return fields.map((field) => ({ field, before: shown(was[field]), after: shown(is[field]) }));
}

function asFields(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The instants a day range stands for, from the first day's start to the end of the last, in the browser's zone. */
export function dayRange(from: string, to: string): { from?: string; to?: string } {
  const start = from ? new Date(`${from}T00:00:00`) : undefined;
  const end = to ? new Date(`${to}T00:00:00`) : undefined;
  if (end) end.setDate(end.getDate() + 1);
  return { from: start?.toISOString(), to: end?.toISOString() };
}
