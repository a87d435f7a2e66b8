import { allIntegers, linear, niceTicks } from "./scale";
import { seriesStyle } from "./patterns";

export interface LineChartProps {
  id: string;
  label: string;
  /** Values along x, 0 to n-1; `xLabel` names the ticks shown (every `xTickEvery`). */
  series: { label: string; values: number[] }[];
  xTickEvery: number;
  xLabel: (index: number) => string;
  format: (value: number) => string;
  /** An optional vertical marker (e.g. the break-even month) with its label. */
  marker?: { index: number; label: string };
}

const WIDTH = 640;
const HEIGHT = 320;
const MARGIN = { top: 20, right: 36, bottom: 40, left: 84 };
const DASHES = ["", "8 5", "2 4", "12 4 2 4"];

/** Server-rendered lines that differ by dash and marker shape as well as colour. */
export function LineChart({ id, label, series, xTickEvery, xLabel, format, marker }: LineChartProps) {
  const length = Math.max(...series.map((s) => s.values.length), 1);
  const values = series.flatMap((s) => s.values);
  const ticks = niceTicks(Math.max(...values, 0), 5, allIntegers(values));
  const y = linear(ticks[ticks.length - 1] ?? 1, HEIGHT - MARGIN.bottom, MARGIN.top);
  const x = linear(Math.max(length - 1, 1), MARGIN.left, WIDTH - MARGIN.right);
  const xTicks = Array.from({ length }, (_, index) => index).filter((index) => index % xTickEvery === 0);

  return (
    <figure className="flex flex-col gap-3">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="h-auto w-full max-w-3xl" data-chart={id} data-series={JSON.stringify(series)}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#d6d3d1" />
            <text x={MARGIN.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize="13" fill="#44403c">
              {format(tick)}
            </text>
          </g>
        ))}
        {xTicks.map((index) => (
          <text key={index} x={x(index)} y={HEIGHT - MARGIN.bottom + 20} textAnchor="middle" fontSize="13" fill="#44403c">
            {xLabel(index)}
          </text>
        ))}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke="#57534e" strokeWidth="1.5" />
        {marker && (
          <g>
            <line x1={x(marker.index)} x2={x(marker.index)} y1={MARGIN.top} y2={y(0)} stroke="#1c1917" strokeDasharray="3 3" />
            <text x={x(marker.index) - 6} y={MARGIN.top + 12} textAnchor="end" fontSize="13" fill="#1c1917">
              {marker.label}
            </text>
          </g>
        )}
        {series.map((s, index) => {
          const { color } = seriesStyle(index);
          const points = s.values.map((value, i) => `${x(i).toFixed(1)},${y(value).toFixed(1)}`).join(" ");
          const last = s.values.length - 1;
          return (
            <g key={s.label}>
              <polyline points={points} fill="none" stroke={color} strokeWidth="3" strokeDasharray={DASHES[index % DASHES.length]} />
              {s.values.map((value, i) => (i % xTickEvery === 0 || i === last ? <Mark key={i} shape={index} cx={x(i)} cy={y(value)} color={color} /> : null))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm text-stone-800">
          {series.map((s, index) => (
            <li key={s.label} className="flex items-center gap-2">
              <svg width="36" height="14" aria-hidden="true">
                <line x1="2" x2="34" y1="7" y2="7" stroke={seriesStyle(index).color} strokeWidth="3" strokeDasharray={DASHES[index % DASHES.length]} />
                <Mark shape={index} cx={18} cy={7} color={seriesStyle(index).color} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function Mark({ shape, cx, cy, color }: { shape: number; cx: number; cy: number; color: string }) {
  if (shape % 2 === 1) return <rect x={cx - 4.5} y={cy - 4.5} width="9" height="9" fill="#fff" stroke={color} strokeWidth="2.5" />;
  return <circle cx={cx} cy={cy} r="4.5" fill={color} />;
}
