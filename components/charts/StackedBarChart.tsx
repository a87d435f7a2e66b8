import { allIntegers, linear, niceTicks } from "./scale";
import { PatternDefs, Swatch } from "./patterns";

export interface StackedBarChartProps {
  /** Unique on the page: prefixes the SVG ids. */
  id: string;
  /** What the chart shows, read by screen readers (the table beside it has the figures). */
  label: string;
  /** One bar per category; "\n" breaks a label onto two lines. */
  categories: string[];
  /** Stacked from the bottom, in this order; a value of 0 draws nothing. */
  series: { label: string; values: number[] }[];
  format: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 340;
const MARGIN = { top: 28, right: 12, bottom: 52, left: 84 };

/** Server-rendered stacked bars with a value axis, totals above the bars and a legend. */
export function StackedBarChart({ id, label, categories, series, format }: StackedBarChartProps) {
  const totals = categories.map((_, index) => series.reduce((sum, s) => sum + (s.values[index] ?? 0), 0));
  const ticks = niceTicks(Math.max(...totals, 0), 5, allIntegers(totals));
  const top = ticks[ticks.length - 1] ?? 1;
  const y = linear(top, HEIGHT - MARGIN.bottom, MARGIN.top);
  const band = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(categories.length, 1);
  const barWidth = Math.min(band * 0.6, 96);
  // Many bars (a year of months): every other label or fewer, so that none overlap.
  const labelEvery = Math.max(1, Math.ceil(categories.length / 7));

  return (
    <figure className="flex flex-col gap-3">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="h-auto w-full max-w-3xl" fontFamily="inherit" data-chart={id} data-series={JSON.stringify(series)}>
        <PatternDefs prefix={id} count={series.length} />
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#d6d3d1" strokeWidth="1" />
            <text x={MARGIN.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize="13" fill="#44403c">
              {format(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, index) => {
          const x = MARGIN.left + band * index + (band - barWidth) / 2;
          let base = 0;
          return (
            <g key={category}>
              {series.map((s, seriesIndex) => {
                const value = s.values[index] ?? 0;
                if (value <= 0) return null;
                const rect = <rect key={s.label} x={x} width={barWidth} y={y(base + value)} height={y(base) - y(base + value)} fill={`url(#${id}-fill-${seriesIndex})`} stroke="#fff" strokeWidth="1" />;
                base += value;
                return rect;
              })}
              {(totals[index] ?? 0) > 0 ? (
                <text x={x + barWidth / 2} y={y(totals[index] ?? 0) - 8} textAnchor="middle" fontSize={categories.length > 8 ? 11 : 13} fontWeight="600" fill="#1c1917">
                  {format(totals[index] ?? 0)}
                </text>
              ) : null}
              {(index % labelEvery === 0 ? category.split("\n") : []).map((line, lineIndex) => (
                <text key={line} x={x + barWidth / 2} y={HEIGHT - MARGIN.bottom + 18 + lineIndex * 16} textAnchor="middle" fontSize="13" fill="#1c1917">
                  {line}
                </text>
              ))}
            </g>
          );
        })}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke="#57534e" strokeWidth="1.5" />
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm text-stone-800">
          {series.map((s, index) => (
            <li key={s.label} className="flex items-center gap-2">
              <Swatch prefix={id} index={index} />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
