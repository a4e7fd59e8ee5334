/** A distance as people say it, before translation: the number and whether it is in metres or kilometres. */
export interface SpokenDistance {
  unit: 'm' | 'km';
  value: string;
}

/**
 * Under a kilometre, whole tens of metres ("350 m"); then kilometres with one decimal ("1.2 km"),
 * and whole kilometres from 10 km on ("12 km"). A GPS fix is not more precise than that.
 */
export function spokenDistance(metres: number): SpokenDistance {
  const tens = Math.round(Math.max(0, metres) / 10) * 10;
  if (tens < 1000) {
    return { unit: 'm', value: String(tens) };
  }
  const km = metres / 1000;
  return { unit: 'km', value: km < 9.95 ? km.toFixed(1) : String(Math.round(km)) };
}

/** Why the phone gave no position, as the screen explains it. */
export function positionProblem(error: unknown): 'denied' | 'unavailable' {
  return error instanceof Error && error.message === 'denied' ? 'denied' : 'unavailable';
}
