/**
 * Fills for chart series that differ by more than colour (WCAG 1.4.1): each has a colour with
 * at least 3:1 contrast on white (1.4.11) and its own texture, shown again in the legend.
 */
export const SERIES_STYLES = [
  { color: "#0f766e", pattern: "solid" },
  { color: "#b45309", pattern: "stripes" },
  { color: "#4338ca", pattern: "dots" },
  { color: "#be123c", pattern: "cross" },
  { color: "#57534e", pattern: "solid" },
] as const;

export type SeriesStyle = (typeof SERIES_STYLES)[number];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];
}

/** `<pattern>` definitions for one chart (ids are prefixed so two charts on a page don't clash). */
export function PatternDefs({ prefix, count }: { prefix: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, index) => {
        const { color, pattern } = seriesStyle(index);
        const id = `${prefix}-fill-${index}`;
        if (pattern === "solid") {
          return (
            <pattern key={id} id={id} width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="8" fill={color} />
            </pattern>
          );
        }
        return (
          <pattern key={id} id={id} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={color} />
            {pattern === "stripes" && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" strokeWidth="1.5" />}
            {pattern === "dots" && <circle cx="4" cy="4" r="1.6" fill="#fff" />}
            {pattern === "cross" && <path d="M0,4 h8 M4,0 v8" stroke="#fff" strokeWidth="1.2" />}
          </pattern>
        );
      })}
    </defs>
  );
}

/** The legend's swatch: the same texture as the series, in HTML beside the chart. */
export function Swatch({ prefix, index }: { prefix: string; index: number }) {
  return (
    <svg width="16" height="16" aria-hidden="true" className="shrink-0 rounded-sm border border-stone-400">
      <PatternDefs prefix={`${prefix}-swatch-${index}`} count={index + 1} />
      <rect width="16" height="16" fill={`url(#${prefix}-swatch-${index}-fill-${index})`} />
    </svg>
  );
}
