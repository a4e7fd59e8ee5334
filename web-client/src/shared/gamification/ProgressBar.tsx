/**
 * A bar with its figures beside it in words: the bar is for the eye, the label is what is read out
 * (a native <progress> would be read as a bare percentage).
 */
export function ProgressBar({ value, label, testId }: { value: number; label: string; testId?: string }) {
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}
      aria-valuetext={label} aria-label={label} data-testid={testId} data-percent={value}>
      <div className="progress-fill" style={{ width: `${value}%` }} />
    </div>
  );
}
