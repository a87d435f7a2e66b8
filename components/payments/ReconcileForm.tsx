"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import type { ReconcileDifference } from "@/lib/payments/reconcile";
import { formatMoney } from "@/lib/money/format";

export type ReconcileState =
  | { status: "idle" }
  | { status: "done"; checked: number; differences: ReconcileDifference[] }
  | { status: "error"; formError: string };

export const reconcileIdle: ReconcileState = { status: "idle" };

/**
 * "Run the check": compares our payments, transfers and refunds with the provider and the
 * ledger (never on page load: it calls the provider once per object). The result is announced.
 */
export function ReconcileForm({ action }: { action: (state: ReconcileState, formData: FormData) => Promise<ReconcileState> }) {
  const t = useTranslations("adminPayments");
  const c = useTranslations();
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, reconcileIdle);
  const euros = (cents: number | null) => (cents === null ? "—" : formatMoney(cents, locale));
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction}>
        <Button type="submit" disabled={pending}>
          {pending ? t("reconcileRunning") : t("reconcileRun")}
        </Button>
      </form>
      <div aria-live="polite">
        {state.status === "error" ? <Alert tone="error">{c(state.formError as never)}</Alert> : null}
        {state.status === "done" && state.differences.length === 0 ? (
          <Alert tone="success">{t("reconcileClean", { count: state.checked })}</Alert>
        ) : null}
        {state.status === "done" && state.differences.length > 0 ? (
          <Alert tone="warning">{t("reconcileFound", { count: state.differences.length, checked: state.checked })}</Alert>
        ) : null}
      </div>
      {state.status === "done" && state.differences.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full min-w-2xl border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t("differencesCaption")}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-3">{t("colObject")}</th>
                <th scope="col" className="p-3">{t("colProblem")}</th>
                <th scope="col" className="p-3 text-right">{t("colExpected")}</th>
                <th scope="col" className="p-3 text-right">{t("colFound")}</th>
              </tr>
            </thead>
            <tbody>
              {state.differences.map((d, index) => (
                <tr key={`${d.id}-${d.problem}-${d.ledgerKind ?? ""}-${index}`} className="border-b border-stone-200 align-top">
                  <th scope="row" className="p-3 font-normal">
                    <span className="font-semibold">{t(`object_${d.object}`)}</span>
                    <span className="block font-mono text-xs">{d.id}</span>
                    {d.providerId ? <span className="block font-mono text-xs text-stone-600">{d.providerId}</span> : null}
                  </th>
                  <td className="p-3">
                    {t(`problem_${d.problem}`)}
                    {d.ledgerKind ? ` (${t(`ledgerKind_${d.ledgerKind}`)})` : ""}
                  </td>
                  <td className="p-3 text-right tabular-nums">{euros(d.expectedCents)}</td>
                  <td className="p-3 text-right tabular-nums">{euros(d.foundCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
