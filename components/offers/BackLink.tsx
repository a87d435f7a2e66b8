import Link from "next/link";

/** The "← back" link above a page's heading. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <Link href={href} className="text-sm font-medium text-brand-900 underline underline-offset-4">
        <span aria-hidden="true">←</span> {label}
      </Link>
    </p>
  );
}
