/** Shift times are shown in the community's own time zone, whatever the phone's zone is. */
export function shiftTime(startsAt: string, endsAt: string, timeZone: string, language: string): string {
  const day = new Intl.DateTimeFormat(language, { timeZone, month: 'numeric', day: 'numeric', weekday: 'short' });
  const clock = new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = new Date(startsAt);
  return `${day.format(start)} ${clock.format(start)}–${clock.format(new Date(endsAt))}`;
}

/** Reads the phone's position once, with its accuracy in metres. */
export function currentPosition(): Promise<{ longitude: number; latitude: number; accuracy: number }> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new Error('unavailable'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ longitude: p.coords.longitude, latitude: p.coords.latitude, accuracy: Math.max(1, p.coords.accuracy) }),
      (e) => reject(new Error(e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable')),
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 10000 },
    );
  });
}

/** The offset of a time zone from UTC at an instant, in milliseconds. */
function offsetAt(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant;
}

/**
 * The UTC instant of a wall-clock time (`YYYY-MM-DDTHH:mm`, as a datetime-local input gives it)
 * in the community's time zone, whatever zone the phone is in.
 */
export function instantOf(wallTime: string, timeZone: string): string {
  const [date, time] = wallTime.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, min);
  let instant = wall - offsetAt(timeZone, wall);
  instant = wall - offsetAt(timeZone, instant);
  return new Date(instant).toISOString();
}
