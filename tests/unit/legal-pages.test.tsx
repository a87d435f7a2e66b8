import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { LegalNoticeEn } from "@/components/legal/LegalNoticeEn";
import { LegalNoticeFr } from "@/components/legal/LegalNoticeFr";
import { PrivacyEn } from "@/components/legal/PrivacyEn";
import { PrivacyFr } from "@/components/legal/PrivacyFr";
import { PrivacyEnV1 } from "@/components/legal/privacy-v1/PrivacyEn";
import { PrivacyFrV1 } from "@/components/legal/privacy-v1/PrivacyFr";
import { TermsEn } from "@/components/legal/TermsEn";
import { TermsFr } from "@/components/legal/TermsFr";
import { TermsEnV1 } from "@/components/legal/terms-v1/TermsEn";
import { TermsFrV1 } from "@/components/legal/terms-v1/TermsFr";
import { TermsEnV2 } from "@/components/legal/terms-v2/TermsEn";
import { TermsFrV2 } from "@/components/legal/terms-v2/TermsFr";
import { TERMS_TEXTS } from "@/components/legal/texts";
import { LEGAL_VERSIONS } from "@/lib/legal/versions";
import { DEMO_PLATFORM_IDENTITY } from "@/lib/config/platform-identity";
import { publisher } from "@/lib/legal/publisher";

/** The page's words, without markup (an attribute may hold brackets, the text may not). */
function text(element: ReactElement): string {
  return renderToStaticMarkup(element).replace(/<[^>]+>/g, " ").replace(/&#x27;|&quot;|&amp;/g, " ");
}

const p = publisher();
const pages: [string, ReactElement][] = [
  ["legal notice FR", <LegalNoticeFr key="n-fr" publisher={p} />],
  ["legal notice EN", <LegalNoticeEn key="n-en" publisher={p} />],
  ["privacy FR", <PrivacyFr key="p-fr" publisher={p} />],
  ["privacy EN", <PrivacyEn key="p-en" publisher={p} />],
  ["terms FR", <TermsFr key="t-fr" publisher={p} />],
  ["terms EN", <TermsEn key="t-en" publisher={p} />],
  ["terms v1 FR", <TermsFrV1 key="t1-fr" publisher={p} />],
  ["terms v1 EN", <TermsEnV1 key="t1-en" publisher={p} />],
  ["terms v2 FR", <TermsFrV2 key="t2-fr" publisher={p} />],
  ["terms v2 EN", <TermsEnV2 key="t2-en" publisher={p} />],
  ["privacy v1 FR", <PrivacyFrV1 key="p1-fr" publisher={p} />],
  ["privacy v1 EN", <PrivacyEnV1 key="p1-en" publisher={p} />],
];

describe("legal pages", () => {
  it.each(pages)("%s has no bracketed placeholder left", (_name, element) => {
    expect(text(element)).not.toMatch(/[[\]]/);
  });

  it.each(pages.slice(0, 2))("%s names the publisher, director and host from the configuration", (_name, element) => {
    const words = text(element);
    for (const value of [p.legalName, p.registration, p.vatNumber, p.phone, p.email, p.publicationDirector, p.host.name, p.host.address, p.host.phone]) {
      expect(words).toContain(value);
    }
    expect(p.legalName).toBe(DEMO_PLATFORM_IDENTITY.PLATFORM_LEGAL_NAME);
    expect(words).toMatch(/10[\s\u202f\u00a0,]?000/);
  });

  it.each([
    ["FR", <LegalNoticeFr key="fr" publisher={p} />, /français.*anglais/s],
    ["EN", <LegalNoticeEn key="en" publisher={p} />, /French.*English/s],
  ])("the %s legal notice names a point of contact for authorities and one for users, with their languages", (_lang, element, languages) => {
    const html = renderToStaticMarkup(element);
    expect(html).toContain('href="/contact?topic=authority"');
    expect(html).toContain('href="/contact"');
    expect(text(element)).toMatch(languages);
  });

  it("reads another identity when the configuration changes", () => {
    const other = { ...p, legalName: "Compagnon Réel SAS", host: { ...p.host, name: "OVH SAS" } };
    const words = text(<LegalNoticeFr publisher={other} />);
    expect(words).toContain("Compagnon Réel SAS");
    expect(words).toContain("OVH SAS");
  });

  it.each([
    ["FR", <TermsFr key="fr" publisher={p} />, ["Modération", "Classement des résultats", "Contester une décision", "trente (30) jours"]],
    ["EN", <TermsEn key="en" publisher={p} />, ["Content moderation", "How results are ordered", "Contesting a decision", "thirty (30) days"]],
  ])("the %s terms describe moderation, ranking, complaints and fee changes", (_lang, element, headings) => {
    const words = text(element);
    for (const heading of headings) expect(words).toContain(heading);
  });

  it.each([
    ["FR", <TermsFr key="fr" publisher={p} />, <TermsFrV2 key="fr2" publisher={p} />, ["trier par date de début proposée ou par note moyenne", "un avis retiré à la suite d’une décision de modération (article 16) n’est compté dans aucune note"]],
    ["EN", <TermsEn key="en" publisher={p} />, <TermsEnV2 key="en2" publisher={p} />, ["sort them by the proposed start date or by the expert’s average rating", "a review removed by a moderation decision (article 16) counts in no rating"]],
  ])("the %s terms v3 say in article 17 that bids sort by rating and removed reviews count in no rating; v2 stays as it was", (_lang, v3, v2, sentences) => {
    const [current, previous] = [text(v3), text(v2)];
    for (const sentence of sentences) {
      expect(current).toContain(sentence);
      expect(previous).not.toContain(sentence);
    }
    expect(previous).toContain(_lang === "FR" ? "sont comparées selon le montant total qu’il paiera" : "are compared by the total the client will pay");
  });

  it("every version of the terms listed has its text in both languages, the newest being the current components", () => {
    expect(LEGAL_VERSIONS.terms.map((v) => v.version)).toEqual(["1", "2", "3"]);
    expect(Object.keys(TERMS_TEXTS)).toEqual(["1", "2", "3"]);
    expect(TERMS_TEXTS["3"]).toEqual({ fr: TermsFr, en: TermsEn });
  });
});
