/** Axis helpers shared by the charts: round tick values and a linear scale. */

/**
 * Ticks from 0 to a round number at or above `max` (1, 2, 2.5 or 5 times a power of ten apart).
 * Nothing above 0: the 0 tick alone (a tick at 1, a cent, was labelled "0 €" a second time).
 * `integers` (counts, cents): whole steps, 1 at least (one need was drawn against 0.2, 0.4…).
 */
export function niceTicks(max: number, count = 5, integers = false): number[] {
  if (!(max > 0)) return [0];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * power).filter((s) => !integers || Number.isInteger(s));
  const step = Math.max(nice.find((s) => s >= rough) ?? 10 * power, integers ? 1 : 0);
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

/** Whether every value is a whole number (counts, cents): their axis has whole steps. */
export function allIntegers(values: number[]): boolean {
  return values.every((value) => Number.isInteger(value));
}
