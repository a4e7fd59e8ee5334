/** What the phone does with a batch of positions after sending it. */
export type Outcome = 'sent' | 'keep' | 'refused' | 'notCheckedIn';

interface Answer {
  error?: {
    networkError?: unknown;
    graphQLErrors: { extensions?: Record<string, unknown> }[];
  } | null;
  payload?: { userErrors: { code: string }[] } | null;
}

/** Refusals that sending again later may cure: a sign-in that ran out, a server or its Redis that is down. */
const PASSING = new Set(['UNAUTHORIZED', 'UNAVAILABLE', 'INTERNAL_ERROR']);

/**
 * What a position report's answer means for the queue. Kept: no answer (offline), the live map
 * unavailable, a server fault, an expired sign-in. Refused for good (dropped, so one bad batch cannot
 * hold back every later position): a request the server rejects as such (bad input, not allowed).
 * `notCheckedIn`: the check-in is over (and its late-report window too).
 */
export function reportOutcome({ error, payload }: Answer): Outcome {
  if (error) {
    if (error.networkError || error.graphQLErrors.length === 0) return 'keep';
    const passing = error.graphQLErrors.some((e) => PASSING.has(String(e.extensions?.classification ?? 'INTERNAL_ERROR')));
    return passing ? 'keep' : 'refused';
  }
  if (!payload) return 'keep';
  const codes = payload.userErrors.map((e) => e.code);
  if (codes.includes('NO_OPEN_CHECK_IN')) return 'notCheckedIn';
  if (codes.includes('LIVE_MAP_UNAVAILABLE')) return 'keep';
  return codes.length > 0 ? 'refused' : 'sent';
}
