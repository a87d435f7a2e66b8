/** The "personal data" badge of a job that touches personal data (GDPR); `label` is translated. */
export function PersonalDataBadge({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center rounded-full border border-amber-600 bg-amber-50 px-2.5 py-0.5 text-sm font-semibold text-amber-950">
      {label}
    </span>
  );
}
