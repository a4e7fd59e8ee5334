import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/** Colours told apart by people with the common colour blindnesses (Okabe–Ito), dark enough on white. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000'];

interface Props {
  /** What the chart shows, for people who cannot see it; the table beside it has every figure. */
  label: string;
  months: readonly string[];
  series: readonly { name: string; values: readonly (number | null)[] }[];
  max?: number;
}

/** A bar chart of figures per month; the canvas is named for screen readers, the table beside it carries the numbers. */
export function KpiChart({ label, months, series, max }: Props) {
  return (
    <div className="chart-box">
      <Bar
        role="img"
        aria-label={label}
        data={{
          labels: [...months],
          datasets: series.map((s, i) => ({ label: s.name, data: [...s.values], backgroundColor: COLOURS[i % COLOURS.length] })),
        }}
        options={{
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { beginAtZero: true, max, ticks: { font: { size: 14 } } }, x: { ticks: { font: { size: 14 } } } },
          plugins: { legend: { labels: { font: { size: 14 } } } },
        }}
      />
    </div>
  );
}
