import { getTranslations } from "next-intl/server";
import type { ProfileChanges } from "@/db/schema";
import { reviewedFields, type ReviewedField } from "@/lib/experts/reviewed-fields";
import { isValidSiret } from "@/lib/organizations/identifiers";

/** A verified profile's change request on the vetting desk: each field's approved value and the one asked for. */
export async function PendingChanges({ changes }: { changes: ProfileChanges }) {
  const [t, p] = await Promise.all([getTranslations("vetting"), getTranslations("expertProfile")]);
  const label: Record<ReviewedField, string> = { siret: "SIRET", legalForm: p("legalForm"), vatRegime: p("vatRegime"), vatNumber: p("vatNumber") };
  const value = (field: ReviewedField, v: string | null) => {
    if (v === null || v === "") return "—";
    if (field === "legalForm") return p(`form_${v}` as "form_eurl");
    if (field === "vatRegime") return p(`vat_${v}` as "vat_franchise");
    if (field === "siret") return `${v} (${isValidSiret(v) ? t("ok") : t("notOk")})`;
    return v;
  };
  return (
    <section aria-labelledby="pending-changes" className="rounded-lg border border-amber-600 bg-amber-50 p-6">
      <h2 id="pending-changes" className="text-xl font-semibold">
        {t("pendingChangesTitle")}
      </h2>
      <p className="mt-2 text-sm text-stone-900">{t("pendingChangesLead")}</p>
      <table className="mt-3 w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("pendingChangesTitle")}</caption>
        <thead>
          <tr className="border-b border-amber-600">
            <th scope="col" className="py-2 pr-3">{t("changeField")}</th>
            <th scope="col" className="py-2 pr-3">{t("changeApproved")}</th>
            <th scope="col" className="py-2">{t("changeRequested")}</th>
          </tr>
        </thead>
        <tbody>
          {reviewedFields.map((field) => {
            const change = changes[field];
            return change ? (
              <tr key={field} className="border-b border-amber-200">
                <th scope="row" className="py-2 pr-3 font-semibold">{label[field]}</th>
                <td className="py-2 pr-3">{value(field, change.from)}</td>
                <td className="py-2 font-semibold">{value(field, change.to)}</td>
              </tr>
            ) : null;
          })}
        </tbody>
      </table>
    </section>
  );
}
