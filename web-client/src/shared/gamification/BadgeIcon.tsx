import { useId } from 'react';

/** The colour of a badge's medal by what it counts, so that badges of one kind look alike. */
const METAL: Readonly<Record<string, string>> = {
  VERIFIED_PATROL_MINUTES: '#9e1b1b',
  PATROLS: '#7a4a00',
  CHECKPOINTS: '#0b5c4a',
  VERIFIED_REPORTS: '#0b3d91',
  STREAK_WEEKS: '#6b1f7a',
  PATROLS_STARTING_BEFORE: '#8a4b00',
  PATROL_DAYS_ON_WEEKDAY: '#1f5f1f',
  PROXY_PATROLS: '#3d3d3d',
};

interface Props {
  /** The badge's name: the image's accessible name. */
  name: string;
  /** What it is for: the image's accessible description. */
  description: string;
  metric: string;
  /** Not earned yet: drawn in grey with a dashed ring. */
  locked?: boolean;
}

/**
 * A badge as a medal with the first character of its name, drawn inline (nothing to download), with
 * the name and description as its text alternative so a screen reader says what the badge is.
 */
export function BadgeIcon({ name, description, metric, locked = false }: Props) {
  const descriptionId = useId();
  const colour = locked ? '#6b6b6b' : (METAL[metric] ?? '#9e1b1b');
  const glyph = Array.from(name.trim())[0] ?? '?';
  return (
    <svg className="badge-icon" viewBox="0 0 64 64" width="64" height="64" role="img" aria-label={name}
      aria-describedby={descriptionId} data-testid="badge-icon">
      <desc id={descriptionId}>{description}</desc>
      <path d="M20 2 L32 18 L44 2 Z" fill={colour} opacity="0.6" />
      <circle cx="32" cy="38" r="24" fill={locked ? '#f0f0f0' : colour} stroke={colour} strokeWidth="4"
        strokeDasharray={locked ? '6 4' : undefined} />
      <circle cx="32" cy="38" r="18" fill="none" stroke={locked ? colour : '#fff'} strokeWidth="2" />
      <text x="32" y="46" textAnchor="middle" fontSize="22" fontWeight="700" fill={locked ? colour : '#fff'}>
        {glyph}
      </text>
    </svg>
  );
}
