/**
 * The time bank administrator's forms: fields as typed, checked in the browser only for what the
 * person can fix at once (a number that is not a whole number); every rule is the server's, whose
 * refusals the screens show as they come.
 */

/** Whole minutes as typed, or null when the text is not a whole number ("", "1.5", "abc"). */
export function wholeMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && Math.abs(value) <= 2_147_483_647 ? value : null;
}

export interface PolicyForm {
  dailyEarningCap: string;
  totalEarningCap: string;
  giftMaxMinutes: string;
  giftMonthlyMinutes: string;
  correctionApprovalThreshold: string;
}

interface PolicyLike {
  dailyEarningCap: number;
  totalEarningCap?: number | null;
  giftMaxMinutes: number;
  giftMonthlyMinutes: number;
  correctionApprovalThreshold: number;
}

export function policyForm(policy: PolicyLike): PolicyForm {
  return {
    dailyEarningCap: String(policy.dailyEarningCap),
    totalEarningCap: policy.totalEarningCap == null ? '' : String(policy.totalEarningCap),
    giftMaxMinutes: String(policy.giftMaxMinutes),
    giftMonthlyMinutes: String(policy.giftMonthlyMinutes),
    correctionApprovalThreshold: String(policy.correctionApprovalThreshold),
  };
}

/** The update's figures, or the first field that is not a whole number; an empty lifetime cap means none. */
export function policyInput(form: PolicyForm): { figures: PolicyLike } | { notWhole: keyof PolicyForm } {
  const fields = ['dailyEarningCap', 'giftMaxMinutes', 'giftMonthlyMinutes', 'correctionApprovalThreshold'] as const;
  for (const field of fields) {
    if (wholeMinutes(form[field]) === null) return { notWhole: field };
  }
  const total = form.totalEarningCap.trim() === '' ? null : wholeMinutes(form.totalEarningCap);
  if (form.totalEarningCap.trim() !== '' && total === null) return { notWhole: 'totalEarningCap' };
  return {
    figures: {
      dailyEarningCap: wholeMinutes(form.dailyEarningCap)!,
      totalEarningCap: total,
      giftMaxMinutes: wholeMinutes(form.giftMaxMinutes)!,
      giftMonthlyMinutes: wholeMinutes(form.giftMonthlyMinutes)!,
      correctionApprovalThreshold: wholeMinutes(form.correctionApprovalThreshold)!,
    },
  };
}

/**
 * A course's start as the browser's date-time field gives it ("2026-12-24T19:00", local time) as
 * the instant the server stores; null when the field is empty or not a date.
 */
export function courseStart(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** Whether a correction of these minutes waits for a second administrator, as the server decides it. */
export function needsSecondAdministrator(minutes: number, threshold: number): boolean {
  return minutes > threshold;
}
