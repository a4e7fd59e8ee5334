/** The time bank's figures, in the order the screen shows them. */
export const TIME_BANK = ['minutesEarned', 'minutesSpentAtSchool', 'minutesSpentAtMerchants', 'minutesGiven'] as const;

/** Minutes as hours with one decimal, for the patrol chart (the table keeps the minutes too). */
export function hours(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}
