/** Axis helpers shared by the charts: round tick values and a linear scale. */

/**
 * Ticks from 0 to a round number at or above `max` (1, 2, 2.5 or 5 times a power of ten apart).
 * Nothing above 0: the 0 tick alone (a tick at 1, a cent, was labelled "0 €" a second time).
 */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(Math.round(value * 1e6) / 1e6);
    if (value >= max) break;
  }
  return ticks;
}

/** Maps [0, domainMax] onto [rangeStart, rangeEnd] (pixels; start may be the bottom). */
export function linear(domainMax: number, rangeStart: number, rangeEnd: number) {
  const span = domainMax || 1;
  return (value: number) => rangeStart + ((rangeEnd - rangeStart) * value) / span;
}
