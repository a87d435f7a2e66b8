import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/Alert";

interface VerificationStatusProps {
  status: "draft" | "submitted" | "verified" | "changes_requested" | "rejected" | "suspended";
  reason: string | null;
  missing: string[];
  urssaf: "missing" | "fresh" | "expiring" | "stale";
  submitForm: ReactNode;
}

/** Where the expert stands: status, the admin's reason, and what is missing before submission. */
export async function VerificationStatus({ status, reason, missing, urssaf, submitForm }: VerificationStatusProps) {
  const t = await getTranslations("expertProfile");
  const tone = status === "verified" ? "success" : status === "rejected" || status === "suspended" ? "error" : status === "changes_requested" ? "warning" : "info";
  const canSubmit = status === "draft" || status === "changes_requested";
  return (
    <section aria-labelledby="status-title" className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="status-title" className="text-xl font-semibold">{t("statusTitle")}</h2>
      <Alert tone={tone}>
        <p className="font-semibold">{t(`status_${status}`)}</p>
        <p className="mt-1">{t(`statusHelp_${status}`)}</p>
        {reason ? (
          <p className="mt-2 whitespace-pre-wrap">
            <span className="font-semibold">{t("reason")} </span>
            {reason}
          </p>
        ) : null}
      </Alert>
      {urssaf === "expiring" || urssaf === "stale" ? <Alert tone="warning">{t(`urssaf_${urssaf}`)}</Alert> : null}
      {canSubmit ? (
        missing.length > 0 ? (
          <div>
            <p className="font-semibold">{t("missingTitle")}</p>
            <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
              {missing.map((item) => (
                <li key={item}>{t(`missing_${item}`)}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-sm">{t("readyToSubmit")}</p>
        )
      ) : null}
      {canSubmit ? submitForm : null}
    </section>
  );
}
