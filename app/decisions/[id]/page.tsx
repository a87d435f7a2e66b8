import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ComplaintForm } from "@/components/moderation/DecisionForms";
import { ModerationReasonForm } from "@/components/moderation/ModerationReasonForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { currentActor } from "@/lib/auth/current-actor";
import { isAdmin } from "@/lib/auth/policy";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { complaintDeadline } from "@/lib/moderation/rules";
import { readDecision } from "@/lib/moderation/statements";
import { fileComplaintAction, liftRestrictionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("decisionTitle"), robots: { index: false }, referrer: "no-referrer" };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statement of reasons of a decision (DSA art. 17), for the person it concerns (signed in, or
 * through the emailed link: a suspended account cannot sign in) and admins; the complaint form.
 */
export default async function DecisionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: PageSearchParams }) {
  const { id } = await params;
  const { key } = searchParamsOf(await searchParams);
  if (!UUID.test(id)) notFound();
  const actor = await currentActor();
  const view = await readDecision(actor, id, key);
  // A link without its key (the email telling a restriction was lifted) is read signed in.
  if (!view && !actor && !key) redirect(`/signin?callbackUrl=${encodeURIComponent(`/decisions/${id}`)}`);
  if (!view) notFound();
  const [t, format] = await Promise.all([getTranslations("moderation"), getFormatter()]);
  const { statement, complaint } = view;
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });
  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("decisionTitle")} lead={t("decisionLead", { date: date(statement.createdAt) })} />
      {statement.reversedAt ? (
        <Alert tone="success">{t(statement.reversal === "reinstated" ? "reversedByAdminNote" : "reversedNote", { date: date(statement.reversedAt) })}</Alert>
      ) : null}
      <dl className="grid max-w-3xl gap-x-6 gap-y-4 rounded-lg border border-stone-200 bg-white p-6 sm:grid-cols-[14rem_1fr]">
        <dt className="font-semibold text-stone-700">{t("restrictionLabel")}</dt>
        <dd className="text-stone-900">{t(`outcome.${statement.restriction}`)}</dd>
        <dt className="font-semibold text-stone-700">{t("factsLabel")}</dt>
        <dd className="whitespace-pre-line text-stone-900">{statement.facts}</dd>
        <dt className="font-semibold text-stone-700">{t("groundLabel")}</dt>
        <dd className="text-stone-900">{t(`ground.${statement.ground}`)}</dd>
        <dt className="font-semibold text-stone-700">{t("automatedLabel")}</dt>
        <dd className="text-stone-900">{t("automatedNo")}</dd>
        <dt className="font-semibold text-stone-700">{t("redressLabel")}</dt>
        <dd className="text-stone-900">
          <ul className="list-disc pl-5">
            <li>{t("redressInternal", { date: date(complaintDeadline(statement.createdAt)) })}</li>
            <li>{t("redressMediator")}</li>
            <li>{t("redressCourts")}</li>
          </ul>
        </dd>
      </dl>
      {complaint || view.canComplain ? (
        <section aria-labelledby="complaint-title" className="flex flex-col gap-4">
          <h2 id="complaint-title" className="text-xl font-semibold text-stone-900">
            {t("complaintTitle")}
          </h2>
          {complaint ? (
            complaint.status === "open" ? (
              <p className="text-stone-800">{t("complaintSent", { date: date(complaint.createdAt) })}</p>
            ) : (
              <div className="flex flex-col gap-2">
                <p className="font-semibold text-stone-900">{t("complaintAnswer", { outcome: t(`outcome.${complaint.status}`), date: date(complaint.decidedAt ?? complaint.createdAt) })}</p>
                <p className="whitespace-pre-line text-stone-900">{complaint.answer}</p>
              </div>
            )
          ) : view.canComplain ? (
            <ComplaintForm action={fileComplaintAction} fields={{ statementId: statement.id, key: actor && statement.userId === actor.id ? null : (key ?? null) }} />
          ) : null}
        </section>
      ) : null}
      {isAdmin(actor) && !statement.reversedAt ? (
        <section aria-labelledby="lift-title" className="flex flex-col gap-3">
          <h2 id="lift-title" className="text-xl font-semibold text-stone-900">
            {t("liftTitle")}
          </h2>
          <p className="max-w-3xl text-stone-800">{t("liftLead")}</p>
          <ModerationReasonForm
            action={liftRestrictionAction}
            hidden={{ statementId: statement.id }}
            idPrefix="lift"
            labels={{ reason: t("liftReason"), hint: t("liftHint"), submit: t("liftSubmit") }}
            variant="secondary"
          />
        </section>
      ) : null}
    </div>
  );
}
