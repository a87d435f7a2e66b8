"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** How often, and how many times, the page asks the server again while it waits. */
const EVERY_MS = 4_000;
const TIMES = 30;

/**
 * A polite "being confirmed…" notice that re-reads the page from the server for a while (the
 * state changes only when the provider's verified event arrives); without JavaScript, the link
 * does the same.
 */
export function PendingNotice({ title, detail, href, refreshLabel }: { title: string; detail: string; href: string; refreshLabel: string }) {
  const router = useRouter();
  useEffect(() => {
    let count = 0;
    const timer = setInterval(() => {
      count += 1;
      if (count > TIMES) clearInterval(timer);
      else router.refresh();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <div role="status" aria-live="polite" className="rounded-md border-l-4 border-brand-700 bg-brand-50 p-4 text-sm text-brand-900">
      <p className="font-semibold">{title}</p>
      <p className="mt-1">
        {detail}{" "}
        <a href={href} className="underline">
          {refreshLabel}
        </a>
      </p>
    </div>
  );
}
