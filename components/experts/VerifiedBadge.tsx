/** The "verified by Compagnon" badge; `label` is the translated text ("Vérifié", "Vérifié le 3 mars 2026"). */
export function VerifiedBadge({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-brand-700 bg-brand-50 px-2.5 py-0.5 text-sm font-semibold text-brand-900">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
        <path d="M8.3 13.7 4.6 10l1.4-1.4 2.3 2.3 5.7-5.7 1.4 1.4z" />
      </svg>
      {label}
    </span>
  );
}
