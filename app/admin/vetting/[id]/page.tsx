import { parisDay } from "@/lib/dates";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DecisionForm } from "@/components/vetting/DecisionForm";
import { ExpertSuspensionForm } from "@/components/vetting/ExpertSuspensionForm";
import { CompanyCheck } from "@/components/vetting/CompanyCheck";
import { PendingChanges } from "@/components/vetting/PendingChanges";
import { VettingHistory } from "@/components/vetting/VettingHistory";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { getVettingDetail } from "@/lib/experts/admin-queries";
import { renderMarkdown } from "@/lib/markdown/render";
import { decideVerificationAction, expertSuspensionAction } from "../actions";
import { formatMoney } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vetting"))("detailTitle") };
}

export default async function VettingDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAdminPage(`/admin/vetting/${id}`);
  const detail = await getVettingDetail(actor, id);
  if (!detail) notFound();
  const [t, p, locale] = await Promise.all([getTranslations("vetting"), getTranslations("expertProfile"), getLocale()]);
  const { profile, checks } = detail;
  const yes = (ok: boolean) => (ok ? t("ok") : t("notOk"));
  const { company, sharedWith, changedSince } = detail.companyFlags;
  // Ticked in advance only when nothing about the business calls for a closer look.
  const siretLooksRight = checks.siretFormat && company?.status !== "closed" && company?.status !== "not_found" && sharedWith.length === 0 && !changedSince;
  const rows: [string, string][] = [
    [t("email"), detail.email],
    [p("legalForm"), profile.legalForm ? p(`form_${profile.legalForm}`) : "—"],
    ["SIRET", `${profile.siret ?? "—"} (${yes(checks.siretFormat)})`],
    [p("vatRegime"), profile.vatRegime ? `${p(`vat_${profile.vatRegime}`)} ${profile.vatNumber ?? ""}` : "—"],
    [p("insurer"), `${profile.insurer ?? "—"} · ${profile.insurancePolicyNumber ?? "—"} · ${profile.insuranceExpiresOn ?? "—"} (${yes(checks.insuranceValid)})`],
    [t("urssaf"), p(`urssafState_${checks.urssaf}`)],
    [p("dailyRate"), profile.dailyRateCents ? formatMoney(profile.dailyRateCents, locale) : "—"],
    [t("factDepartments"), `${profile.departments.join(", ") || "—"}${profile.remoteOk ? ` · ${t("factRemote")}` : ""}`],
  ];
  return (
    <div className="flex flex-col gap-8">
      <Link href="/admin/vetting" className="underline">{t("backToQueue")}</Link>
      <PageHeading title={profile.displayName || detail.email} lead={profile.headline} />
      <p className="font-semibold">{p(`status_${profile.status}`)}</p>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-6">
          {detail.pendingChanges ? <PendingChanges changes={detail.pendingChanges} /> : null}
          <CompanyCheck flags={detail.companyFlags} declared={profile} />
          <section aria-labelledby="facts" className="rounded-lg border border-stone-200 bg-white p-6">
            <h2 id="facts" className="text-xl font-semibold">{t("facts")}</h2>
            <dl className="mt-3 grid grid-cols-[12rem_1fr] gap-2 text-sm">
              {rows.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-semibold">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="skills" className="rounded-lg border border-stone-200 bg-white p-6">
            <h2 id="skills" className="text-xl font-semibold">{p("skills")}</h2>
            <ul className="mt-3 list-disc pl-6 text-sm">
              {detail.skills.map((s) => (
                <li key={s.softwareId}>{`${s.name} — ${p(`level_${s.level}` as "level_1")}, ${t("yearsValue", { years: s.years })}`}</li>
              ))}
            </ul>
            <h3 className="mt-4 font-semibold">{t("factReferences")}</h3>
            <ul className="mt-2 list-disc pl-6 text-sm">
              {detail.references.map((r) => (
                <li key={r.id}>{`${r.clientType} — ${r.project} (${r.year})`}</li>
              ))}
            </ul>
            <h3 className="mt-4 font-semibold">{t("factBio")}</h3>
            <div className="text-sm [&_a]:underline [&_p]:mt-2 [&_ul]:list-disc [&_ul]:pl-6" dangerouslySetInnerHTML={{ __html: renderMarkdown(profile.bio) }} />
          </section>
          <section aria-labelledby="files" className="rounded-lg border border-stone-200 bg-white p-6">
            <h2 id="files" className="text-xl font-semibold">{p("evidence")}</h2>
            <ul className="mt-3 divide-y divide-stone-200 text-sm">
              {detail.evidence.map((e) => (
                <li key={e.id} className="py-2">
                  <a href={`/api/evidence/${e.id}`} className="font-semibold underline">
                    {p(`evidence_${e.kind}` as "evidence_other")}: {e.originalName}
                  </a>
                  {e.issuedOn ? ` · ${e.issuedOn}` : ""} {e.label ? ` · ${e.label}` : ""}
                  {e.kind === "qualiopi" ? (
                    <span className={e.expiresOn && e.expiresOn >= parisDay(new Date()) ? "" : "font-semibold text-red-800"}>
                      {` · ${t("qualiopiCertificate", { number: e.certificateNumber ?? "—", expiresOn: e.expiresOn ?? "—" })}`}
                      {e.expiresOn && e.expiresOn >= parisDay(new Date()) ? "" : ` · ${t("qualiopiExpired")}`}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="history" className="rounded-lg border border-stone-200 bg-white p-6">
            <h2 id="history" className="text-xl font-semibold">{t("history")}</h2>
            <VettingHistory history={detail.history} />
          </section>
        </div>
        <aside aria-labelledby="decide" className="flex flex-col gap-4 self-start rounded-lg border border-brand-100 bg-white p-6">
          <h2 id="decide" className="text-xl font-semibold">{t("decide")}</h2>
          {profile.status === "submitted" || detail.pendingChanges ? (
            <DecisionForm
              profileId={profile.id}
              suggested={{ siret: siretLooksRight, insurance: checks.insuranceValid, urssaf: checks.urssaf === "fresh" || checks.urssaf === "expiring", skills: checks.skillsBacked }}
              action={decideVerificationAction}
            />
          ) : null}
          {/* One form at a time (their fields share names): suspension comes back once the changes are decided. */}
          {detail.pendingChanges ? null : profile.status === "verified" || profile.status === "suspended" ? (
            <ExpertSuspensionForm profileId={profile.id} suspended={profile.status === "suspended"} action={expertSuspensionAction} />
          ) : profile.status !== "submitted" ? (
            <p className="text-sm">{t("nothingToDecide")}</p>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
