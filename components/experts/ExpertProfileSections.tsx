import { getTranslations } from "next-intl/server";
import type { ExpertLinks } from "@/db/schema";
import { isSafeHttpUrl } from "./directory-format";

const sectionClass = "rounded-lg border border-stone-200 bg-white p-6";
const titleClass = "text-xl font-semibold text-stone-900";
const LINK_REL = "nofollow ugc noopener noreferrer";
const linkKinds = ["website", "forge", "contributions"] as const;

export interface ExpertSkill {
  name: string;
  slug: string;
  level: number;
  years: number;
}

export interface ExpertReference {
  clientType: string;
  project: string;
  year: number;
}

/** Skills with their level (1 notions, 2 confirmed, 3 expert) and years of experience. */
export async function ExpertSkills({ skills }: { skills: ExpertSkill[] }) {
  const t = await getTranslations("directory");
  return (
    <section aria-labelledby="expert-skills" className={sectionClass}>
      <h2 id="expert-skills" className={titleClass}>
        {t("skillsLabel")}
      </h2>
      {skills.length === 0 ? (
        <p className="mt-3 text-stone-700">{t("noSkills")}</p>
      ) : (
        <ul className="mt-4 flex flex-col divide-y divide-stone-200">
          {skills.map((skill) => (
            <li key={skill.slug} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
              <span className="font-semibold text-stone-900">{skill.name}</span>
              <span className="text-sm text-stone-700">
                {[1, 2, 3].includes(skill.level) ? `${t(`skillLevel_${skill.level}`)}, ` : ""}
                {t("skillYears", { years: skill.years })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The expert's own links (http and https only), marked as user-generated and not followed. */
export async function ExpertLinkList({ links }: { links: ExpertLinks }) {
  const entries = linkKinds.flatMap((kind) => {
    const url = links[kind];
    return isSafeHttpUrl(url) ? [{ kind, url }] : [];
  });
  if (entries.length === 0) return null;
  const t = await getTranslations("directory");
  return (
    <section aria-labelledby="expert-links" className={sectionClass}>
      <h2 id="expert-links" className={titleClass}>
        {t("linksTitle")}
      </h2>
      <ul className="mt-4 flex flex-col gap-3">
        {entries.map(({ kind, url }) => (
          <li key={kind} className="flex flex-col">
            <a href={url} rel={LINK_REL} className="font-semibold text-brand-900 underline underline-offset-4 hover:text-brand-700">
              {t(`link_${kind}`)}
            </a>
            <span className="text-sm break-all text-stone-700">{url}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Past projects: kind of client, what was done, year. */
export async function ExpertReferences({ references }: { references: ExpertReference[] }) {
  if (references.length === 0) return null;
  const t = await getTranslations("directory");
  return (
    <section aria-labelledby="expert-references" className={sectionClass}>
      <h2 id="expert-references" className={titleClass}>
        {t("referencesTitle")}
      </h2>
      <ul className="mt-4 flex flex-col gap-4">
        {references.map((reference, index) => (
          <li key={`${index}-${reference.year}`} className="border-l-4 border-brand-700 pl-4">
            <p className="font-semibold text-stone-900">
              {reference.clientType} <span className="font-normal text-stone-700">· {reference.year}</span>
            </p>
            <p className="mt-1 whitespace-pre-line text-stone-800">{reference.project}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
