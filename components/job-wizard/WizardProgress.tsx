import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The wizard's steps; steps already reached are links, the current one is marked for screen readers. */
export async function WizardProgress({ jobId, current, reached }: { jobId: string; current: number | "preview"; reached: number }) {
  const t = await getTranslations("jobWizard");
  const steps = [1, 2, 3, 4, 5, 6, "preview"] as const;
  return (
    <nav aria-label={t("progressLabel")}>
      <ol className="flex flex-wrap gap-2 text-sm">
        {steps.map((step, index) => {
          const isCurrent = step === current;
          const label = `${index + 1}. ${t(`stepName_${step}`)}`;
          const reachable = step === "preview" ? reached > 6 : step <= reached;
          return (
            <li key={step}>
              {reachable && !isCurrent ? (
                <Link href={`/jobs/${jobId}/edit/${step}`} className="inline-flex min-h-11 items-center rounded-full border border-stone-300 bg-white px-3 underline-offset-4 hover:underline">
                  {label}
                </Link>
              ) : (
                <span
                  aria-current={isCurrent ? "step" : undefined}
                  className={`inline-flex min-h-11 items-center rounded-full px-3 ${isCurrent ? "bg-brand-800 font-semibold text-white" : "border border-stone-200 text-stone-500"}`}
                >
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
