import {
  BarElement, CategoryScale, Chart as ChartJS, Legend, LineElement, LinearScale, PointElement, Tooltip,
} from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);

/** Colours told apart by people with the common colour blindnesses (Okabe–Ito), dark enough on white. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000', '#E69F00'];

interface Props {
  kind: 'bar' | 'line';
  /** What the chart shows and its figures in words, for people who cannot see it. */
  label: string;
  labels: readonly string[];
  series: readonly { name: string; values: readonly number[] }[];
  testId: string;
}

/** A bar or line chart; the canvas is named for screen readers, and the table beside it carries every figure. */
export function StatisticsChart({ kind, label, labels, series, testId }: Props) {
  const data = {
    labels: [...labels],
    datasets: series.map((s, i) => ({
      label: s.name,
      data: [...s.values],
      backgroundColor: COLOURS[i % COLOURS.length],
      borderColor: COLOURS[i % COLOURS.length],
    })),
  };
  const options = {
    maintainAspectRatio: false,
    animation: false as const,
    scales: { y: { beginAtZero: true, ticks: { font: { size: 14 } } }, x: { ticks: { font: { size: 14 } } } },
    plugins: { legend: { labels: { font: { size: 14 } } } },
  };
  return (
    <div className="chart-box" data-testid={testId}>
      {kind === 'bar'
        ? <Bar role="img" aria-label={label} data={data} options={options} />
        : <Line role="img" aria-label={label} data={data} options={options} />}
    </div>
  );
}

/** A chart's figures in words: each series with its value per label. */
export function describe(title: string, labels: readonly string[], series: readonly { name: string; values: readonly number[] }[]): string {
  return `${title}: ${series.map((s) => `${s.name} ${labels.map((l, i) => `${l} ${s.values[i]}`).join(', ')}`).join('; ')}`;
}
