import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { departementNames, formatDailyRate, type ServiceKind } from "./directory-format";
import { VerifiedBadge } from "./VerifiedBadge";

/** How many département names a card shows before "and N others". */
const MAX_DEPARTEMENTS = 4;

export interface ExpertCardData {
  slug: string;
  displayName: string;
  headline: string;
  dailyRateCents: number | null;
  departments: string[];
  remoteOk: boolean;
  serviceKinds: ServiceKind[];
  /** Skill names, best first (the directory already keeps at most 6). */
  skills: string[];
}

/** One verified expert in the directory grid; the name (h2) links to the public page. */
export async function ExpertCard({ expert, offersCount = 0 }: { expert: ExpertCardData; offersCount?: number }) {
  const [t, format, locale] = await Promise.all([getTranslations("directory"), getFormatter(), getLocale()]);
  const rate = formatDailyRate(locale, expert.dailyRateCents);
  const names = departementNames(expert.departments);
  const shown = names.slice(0, MAX_DEPARTEMENTS);
  const hidden = names.length - shown.length;
  const departementsText = shown.length > 0 ? shown.join(", ") + (hidden > 0 ? ` ${t("moreDepartements", { count: hidden })}` : "") : "";
  const area = [departementsText, expert.remoteOk ? t("remote") : ""].filter(Boolean).join(" · ");
  const skills = expert.skills.slice(0, 6);

  return (
    <article className="flex h-full flex-col gap-3 rounded-lg border border-stone-200 bg-white p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-lg font-semibold text-stone-900">
          <Link href={`/experts/${encodeURIComponent(expert.slug)}`} className="text-brand-900 underline underline-offset-4 hover:text-brand-700">
            {expert.displayName}
          </Link>
        </h2>
        <VerifiedBadge label={t("verified")} />
      </div>
      {expert.headline ? <p className="text-stone-800">{expert.headline}</p> : null}
      {skills.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("skillsLabel")}>
          {skills.map((skill) => (
            <li key={skill} className="rounded-md bg-stone-100 px-2 py-0.5 text-sm text-stone-800">
              {skill}
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="mt-auto grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold text-stone-700">{t("dailyRateLabel")}</dt>
        <dd className="text-stone-900">{rate ? t("dailyRate", { rate }) : t("rateOnRequest")}</dd>
        <dt className="font-semibold text-stone-700">{t("areaLabel")}</dt>
        <dd className="text-stone-900">{area || t("noArea")}</dd>
        {expert.serviceKinds.length > 0 ? (
          <>
            <dt className="font-semibold text-stone-700">{t("kindsLabel")}</dt>
            <dd className="text-stone-900">{format.list(expert.serviceKinds.map((kind) => t(`kind_${kind}`)), { type: "conjunction" })}</dd>
          </>
        ) : null}
      </dl>
      {offersCount > 0 ? (
        <p className="text-sm">
          <Link href={`/experts/${encodeURIComponent(expert.slug)}#expert-offers`} className="font-medium text-brand-900 underline underline-offset-4">
            {t("offersCount", { count: offersCount })}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
