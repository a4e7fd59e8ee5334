import { useCallback, useEffect, useState } from 'react';

export type HereStatus = 'locating' | 'found' | 'denied' | 'unsupported';

/** The phone's position once, for a report; asked again on request (e.g. after allowing location). */
export function useHerePosition() {
  const [status, setStatus] = useState<HereStatus>('locating');
  const [position, setPosition] = useState<{ longitude: number; latitude: number } | null>(null);
  const locate = useCallback(() => {
    if (!navigator.geolocation) {
      setStatus('unsupported');
      return;
    }
    setStatus('locating');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({ longitude: round(p.coords.longitude), latitude: round(p.coords.latitude) });
        setStatus('found');
      },
      () => setStatus('denied'),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }, []);
  useEffect(locate, [locate]);
  return { status, position, locate };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
