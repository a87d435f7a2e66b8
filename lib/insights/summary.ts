/**
 * The sentence above a chart: the last quarter against the one before ("up 12 %"), from the
 * monthly values (oldest first). Null when there are fewer than six months or the earlier
 * quarter is zero (no meaningful percentage).
 */
export function quarterChange(values: number[]): { direction: "up" | "down" | "flat"; percent: number; current: number; previous: number } | null {
  if (values.length < 6) return null;
  const sum = (part: number[]) => part.reduce((total, value) => total + value, 0);
  const current = sum(values.slice(-3));
  const previous = sum(values.slice(-6, -3));
  if (previous === 0) return null;
  const percent = Math.round((Math.abs(current - previous) * 100) / previous);
  return { direction: percent === 0 ? "flat" : current > previous ? "up" : "down", percent, current, previous };
}
