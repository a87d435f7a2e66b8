import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportLink } from "@/components/moderation/ReportLink";
import { currentActor } from "@/lib/auth/current-actor";
import { hiddenFrom } from "@/lib/moderation/visibility";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { ExpertLinkList, ExpertReferences, ExpertSkills } from "@/components/experts/ExpertProfileSections";
import { departementNames, formatDailyRate } from "@/components/experts/directory-format";
import { VerifiedBadge } from "@/components/experts/VerifiedBadge";
import { ExpertReviews } from "@/components/reviews/ExpertReviews";
import { Alert } from "@/components/ui/Alert";
import { getPublicExpert } from "@/lib/experts/directory";
import { publicOffersOf } from "@/lib/offers/queries";
import { OfferList } from "@/components/offers/OfferList";
import { markdownToPlainText, renderMarkdown } from "@/lib/markdown/render";
import { getPublicReviews } from "@/lib/reviews/queries";

type Props = { params: Promise<{ slug: string }> };

/** One database read per request, shared by generateMetadata and the page. */
const loadExpert = cache(async (slug: string) => {
  const expert = await getPublicExpert(slug);
  if (expert && hiddenFrom(await currentActor(), expert.moderation)) return null;
  return expert;
});

const sectionClass = "rounded-lg border border-stone-200 bg-white p-6";
const titleClass = "text-xl font-semibold text-stone-900";
const bioClass =
  "mt-3 text-stone-800 [&_a]:text-brand-900 [&_a]:underline [&_a]:underline-offset-4 [&_blockquote]:mt-3 [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-4 [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_h3]:mt-5 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:mt-4 [&_h4]:font-semibold [&_h5]:mt-4 [&_h5]:font-semibold [&_h6]:mt-4 [&_h6]:font-semibold [&_li]:mt-1 [&_ol]:mt-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:mt-3 [&_pre]:mt-3 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-stone-100 [&_pre]:p-3 [&_ul]:mt-3 [&_ul]:list-disc [&_ul]:pl-6 [&>:first-child]:mt-0";

function languageNames(codes: readonly string[], locale: string): string[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: "language" });
  } catch {
    names = null;
  }
  return codes.map((code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code; // not a valid language tag
    }
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [expert, t] = await Promise.all([loadExpert(slug), getTranslations("directory")]);
  if (!expert) notFound();
  const description =
    (expert.bio ? markdownToPlainText(expert.bio, 160) : "") || expert.headline || t("profileMetaFallback", { name: expert.displayName });
  return { title: t("profileMetaTitle", { name: expert.displayName }), description };
}

export default async function ExpertPage({ params }: Props) {
  const { slug } = await params;
  const expert = await loadExpert(slug);
  if (!expert) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("directory"), getFormatter(), getLocale()]);
  const actor = await currentActor();
  const [reviews, offers] = await Promise.all([getPublicReviews({ slug }), publicOffersOf(expert.id)]);
  reviews.latest = reviews.latest.filter((review) => !hiddenFrom(actor, review.moderation));

  const rate = formatDailyRate(locale, expert.dailyRateCents);
  const area = [format.list(departementNames(expert.departments), { type: "conjunction" }), expert.remoteOk ? t("remote") : ""]
    .filter(Boolean)
    .join(" · ");
  const verifiedLabel = expert.verifiedAt ? t("verifiedOn", { date: format.dateTime(expert.verifiedAt, { dateStyle: "long" }) }) : t("verified");
  const languages = expert.languages && expert.languages.length > 0 ? languageNames(expert.languages, locale) : null;

  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link href="/experts" className="text-sm font-medium text-brand-900 underline underline-offset-4">
          <span aria-hidden="true">←</span> {t("backToDirectory")}
        </Link>
      </p>

      <header className="flex flex-wrap items-center gap-6">
        {expert.photoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a private, access-checked file: no image optimiser in front of it
          <img src={expert.photoUrl} alt="" width={112} height={112} className="size-28 rounded-full border border-stone-200 object-cover" />
        ) : null}
        <div className="flex flex-col gap-3">
          <h1 className="text-3xl font-bold tracking-tight text-stone-900">{expert.displayName}</h1>
          <p>
            <VerifiedBadge label={verifiedLabel} />
          </p>
          {expert.headline ? <p className="max-w-2xl text-lg text-stone-700">{expert.headline}</p> : null}
          <p>
            <ReportLink type="expert" id={expert.id} from={`/experts/${slug}`} />
          </p>
        </div>
      </header>

      {expert.urssafStale ? <Alert tone="warning">{t("urssafStale")}</Alert> : null}

      <section aria-labelledby="expert-summary" className={sectionClass}>
        <h2 id="expert-summary" className={titleClass}>
          {t("summaryTitle")}
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold text-stone-700">{t("dailyRateLabel")}</dt>
          <dd className="text-stone-900">{rate ? t("dailyRate", { rate }) : t("rateOnRequest")}</dd>
          {expert.serviceKinds.length > 0 ? (
            <>
              <dt className="font-semibold text-stone-700">{t("kindsLabel")}</dt>
              <dd className="text-stone-900">{format.list(expert.serviceKinds.map((kind) => t(`kind_${kind}`)), { type: "conjunction" })}</dd>
            </>
          ) : null}
          <dt className="font-semibold text-stone-700">{t("areaLabel")}</dt>
          <dd className="text-stone-900">{area || t("noArea")}</dd>
          {languages ? (
            <>
              <dt className="font-semibold text-stone-700">{t("languagesLabel")}</dt>
              <dd className="text-stone-900">{format.list(languages, { type: "conjunction" })}</dd>
            </>
          ) : null}
          {expert.legalForm ? (
            <>
              <dt className="font-semibold text-stone-700">{t("legalFormLabel")}</dt>
              <dd className="text-stone-900">{t(`legalForm_${expert.legalForm}`)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {expert.bio ? (
        <section aria-labelledby="expert-bio" className={sectionClass}>
          <h2 id="expert-bio" className={titleClass}>
            {t("bioTitle")}
          </h2>
          {/* renderMarkdown escapes raw HTML, refuses unsafe links and shifts headings below h2. */}
          <div className={`prose-like ${bioClass}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(expert.bio) }} />
        </section>
      ) : null}

      <OfferList offers={offers} id="expert-offers" title={t("offersTitle")} showExpert={false} />
      <ExpertSkills skills={expert.skills} />
      {expert.links ? <ExpertLinkList links={expert.links} /> : null}
      <ExpertReferences references={expert.references} />

      <ExpertReviews reviews={reviews} reportFrom={`/experts/${slug}`} />
    </div>
  );
}
