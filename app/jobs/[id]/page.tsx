import type { Metadata } from "next";
import Link from "next/link";
import { LazyClientMessages } from "@/components/i18n/LazyClientMessages";
import { notFound } from "next/navigation";
import { ReportLink } from "@/components/moderation/ReportLink";
import { hiddenFrom } from "@/lib/moderation/visibility";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { excerpt } from "@/components/jobs/job-format";
import { JobFacts } from "@/components/jobs/JobFacts";
import { JobOwnerActions } from "@/components/jobs/JobOwnerActions";
import { PersonalDataBadge } from "@/components/jobs/PersonalDataBadge";
import { TrainingNeedSummary } from "@/components/jobs/TrainingNeedSummary";
import { Alert } from "@/components/ui/Alert";
import { currentActor } from "@/lib/auth/current-actor";
import { NDA_VERSION } from "@/lib/jobs/nda";
import { getJobForViewer } from "@/lib/jobs/queries";
import { offersForJob } from "@/lib/offers/queries";
import { OfferList } from "@/components/offers/OfferList";
import { acceptJobNdaAction, cancelJobAction, closeJobAction } from "./actions";
import { submitBidAction, withdrawBidAction } from "./bid-actions";
import { ExpertBidPanel } from "@/components/bids/ExpertBidPanel";
import { BidForm, NdaAcceptForm, SimpleActionForm } from "@/components/jobs/JobPageForms";
import { getMyBidForJob } from "@/lib/bids/client-bids";
import { getMyExpertProfile } from "@/lib/experts/queries";
import { getMyReadiness } from "@/lib/experts/readiness";
import { ReadinessChecklist } from "@/components/experts/ReadinessChecklist";
import { env } from "@/lib/env";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";

/** The expert's own bid on the job, or the form to send one (verified experts, open jobs). */
async function expertBidSection(jobId: string, open: boolean, training: boolean, retainer: boolean) {
  const actor = await currentActor();
  const [bid, mine, readiness, t, r] = await Promise.all([
    getMyBidForJob(actor, jobId),
    getMyExpertProfile(actor),
    getMyReadiness(actor),
    getTranslations("bids"),
    getTranslations("readiness"),
  ]);
  const verified = mine?.profile.status === "verified";
  return (
    <ExpertBidPanel
      bid={bid && bid.status !== "withdrawn" ? bid : null}
      canBid={verified && open}
      notVerified={!verified}
      trainingTerms={training}
      retainerTerms={retainer}
      readinessNotice={readiness.ready ? null : <ReadinessChecklist readiness={readiness} lead={r("bidLead")} headingLevel={3} />}
      bidForm={<BidForm jobId={jobId} commissionBps={env().PLATFORM_COMMISSION_BPS} action={submitBidAction} />}
      withdrawForm={bid ? <SimpleActionForm label={t("withdraw")} hidden={{ bidId: bid.id, jobId }} action={withdrawBidAction} /> : null}
    />
  );
}

type Props = { params: Promise<{ id: string }>; searchParams: PageSearchParams };

/** One database read per request, shared by generateMetadata and the page. */
const loadJob = cache(async (id: string) => {
  const actor = await currentActor();
  const view = await getJobForViewer(actor, id);
  // Content a moderation decision took down stays visible to its organisation (and admins).
  if (view && !view.isMember && hiddenFrom(actor, view.moderation)) return null;
  return view;
});

const sectionClass = "rounded-lg border border-stone-200 bg-white p-6";
const titleClass = "text-xl font-semibold text-stone-900";
const linkClass = "font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const view = await loadJob(id);
  if (!view) notFound();
  return { title: view.job.title, description: excerpt(view.job.description, 160) };
}

export default async function JobPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { published } = searchParamsOf(await searchParams);
  const [view, actor, t] = await Promise.all([loadJob(id), currentActor(), getTranslations("jobBoard")]);
  if (!view) notFound();
  const { job, software } = view;

  // Forms are for signed-in people: an anonymous visitor (the cached public page) gets no form
  // texts, nor their code or next-intl's (LazyClientMessages, JobPageForms).
  return (
    <LazyClientMessages scope="/jobs/[id]" when={actor !== null}>
      <div className="flex flex-col gap-8">
        <p>
          <Link href="/jobs" className="text-sm font-medium text-brand-900 underline underline-offset-4">
            <span aria-hidden="true">←</span> {t("backToBoard")}
          </Link>
        </p>

        <header className="flex flex-col gap-3">
          <h1 className="text-3xl font-bold tracking-tight text-stone-900">{job.title}</h1>
          {view.isMember ? null : (
            <p>
              <ReportLink type="job" id={job.id} from={`/jobs/${job.id}`} />
            </p>
          )}
          {job.status !== "open" || job.personalData ? (
            <p className="flex flex-wrap gap-2">
              {job.status !== "open" ? (
                <span className="inline-flex items-center rounded-full border border-stone-500 bg-stone-100 px-2.5 py-0.5 text-sm font-semibold text-stone-900">
                  {t("statusBadge", { status: t(`status_${job.status}`) })}
                </span>
              ) : null}
              {job.personalData ? <PersonalDataBadge label={t("personalDataBadge")} /> : null}
            </p>
          ) : null}
        </header>

        {published && view.isMember && job.status === "open" ? (
          <Alert tone="success">
            <strong>{t("publishedTitle")}</strong> {t("publishedNext")}
          </Alert>
        ) : null}
        {job.status !== "open" ? <Alert tone={job.status === "draft" ? "warning" : "info"}>{t(`statusNote_${job.status}`)}</Alert> : null}

        <section aria-labelledby="job-summary" className={sectionClass}>
          <h2 id="job-summary" className={titleClass}>
            {t("summaryTitle")}
          </h2>
          <div className="mt-4">
            <JobFacts job={job} software={software} variant="page" />
          </div>
          {job.personalData ? <p className="mt-4 max-w-3xl text-sm text-stone-800">{t("personalDataNotice")}</p> : null}
        </section>

        {view.trainingNeed ? (
          <section aria-labelledby="job-training" className={sectionClass}>
            <TrainingNeedSummary need={view.trainingNeed} headingId="job-training" headingClass={titleClass} />
          </section>
        ) : null}

        <section aria-labelledby="job-description" className={sectionClass}>
          <h2 id="job-description" className={titleClass}>
            {t("descriptionTitle")}
          </h2>
          <p className="mt-3 max-w-3xl whitespace-pre-line text-stone-800">{job.description || t("noDescription")}</p>
        </section>

        {view.confidentialDetails !== null && view.hasConfidentialDetails ? (
          <section aria-labelledby="job-confidential" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-6">
            <h2 id="job-confidential" className={titleClass}>
              {t("confidentialTitle")}
            </h2>
            <p className="mt-2 text-sm text-amber-950">{t("confidentialVisibility")}</p>
            <p className="mt-4 max-w-3xl whitespace-pre-line text-stone-900">{view.confidentialDetails}</p>
          </section>
        ) : view.hasConfidentialDetails ? (
          <section aria-labelledby="job-confidential" className={sectionClass}>
            <h2 id="job-confidential" className={titleClass}>
              {t("confidentialTitle")}
            </h2>
            <div className="mt-4">
              {view.canAcceptNda ? (
                <NdaAcceptForm jobId={job.id} ndaVersion={NDA_VERSION} action={acceptJobNdaAction} />
              ) : (
                <div className="flex flex-col gap-3">
                  <p className="text-stone-800">{t("confidentialReserved")}</p>
                  {actor === null ? (
                    <p>
                      <Link href={`/signin?callbackUrl=${encodeURIComponent(`/jobs/${job.id}`)}`} className={linkClass}>
                        {t("signInToSee")}
                      </Link>
                    </p>
                  ) : actor.role === "expert" && job.status === "open" ? (
                    <p>
                      <Link href="/expert/profile" className={linkClass}>
                        {t("expertProfileLink")}
                      </Link>
                    </p>
                  ) : null}
                </div>
              )}
            </div>
          </section>
        ) : null}

        {actor?.role === "expert" ? await expertBidSection(job.id, job.status === "open", job.kind === "training", job.kind === "support_monthly") : null}

        {view.isMember ? (
          <p>
            <Link href={`/jobs/${job.id}/bids`} className={linkClass}>
              {t("compareBids")}
            </Link>
          </p>
        ) : null}

        {job.status === "open" ? <OfferList offers={await offersForJob(job.id)} id="job-offers" title={t("offersTitle")} lead={t("offersLead")} /> : null}

        {view.isMember ? (
          <JobOwnerActions jobId={job.id} status={job.status} closeAction={closeJobAction} cancelAction={cancelJobAction} />
        ) : null}
      </div>
    </LazyClientMessages>
  );
}
