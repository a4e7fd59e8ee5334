/** Reset codes as the captain reads them out: two groups of four, e.g. `K7M3 QP9X`. */
export function groupCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** A time as hours and minutes of the person's clock, for "works until 10:45". */
export function untilTime(iso: string, language: string): string {
  return new Date(iso).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}
