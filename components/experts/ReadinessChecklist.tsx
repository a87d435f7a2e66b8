import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Readiness } from "@/lib/experts/readiness";

const linkClass = "font-semibold text-brand-900 underline underline-offset-4 hover:text-brand-700";

/**
 * What the expert needs before a won job can be invoiced and paid, each item with its state in
 * words and a link to fix it. `lead` says why it matters where it is shown (dashboard, bid form,
 * contract).
 */
export async function ReadinessChecklist({ readiness, lead, headingLevel = 2 }: { readiness: Readiness; lead?: string; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("readiness");
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="readiness-title" className={`rounded-lg border p-6 ${readiness.ready ? "border-stone-200 bg-white" : "border-amber-600 bg-amber-50"}`}>
      <Heading id="readiness-title" className="text-xl font-semibold text-stone-900">
        {t("title")}
      </Heading>
      <p className="mt-2 text-stone-800">{readiness.ready ? t("allDone") : (lead ?? t("lead"))}</p>
      <ul className="mt-3 flex flex-col gap-2">
        {readiness.items.map((item) => (
          <li key={item.key} className="flex items-baseline gap-3">
            <span className={`inline-flex min-w-20 shrink-0 justify-center rounded-full px-2 py-0.5 text-xs font-semibold ${item.done ? "bg-green-100 text-green-900" : "bg-amber-200 text-amber-950"}`}>
              {item.done ? t("done") : t("todo")}
            </span>
            {/* The item and its link wrap together, beside the badge (the link used to wrap under it). */}
            <span className="text-stone-900">
              {t(`item_${item.key}`)}
              {item.done ? null : (
                <>
                  {" "}
                  <Link href={item.href} className={linkClass}>
                    {t(`fix_${item.key}`)}
                  </Link>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
