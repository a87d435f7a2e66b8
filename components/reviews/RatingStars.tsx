/**
 * A rating shown as stars for the eye and as words for everyone ("4 sur 5"): the stars are
 * hidden from screen readers, the label says the value.
 */
export function RatingStars({ value, label }: { value: number; label: string }) {
  const full = Math.max(0, Math.min(5, Math.round(value)));
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className="text-lg tracking-wider text-amber-700">
        {"★".repeat(full)}
        <span className="text-stone-400">{"☆".repeat(5 - full)}</span>
      </span>
      <span>{label}</span>
    </span>
  );
}
