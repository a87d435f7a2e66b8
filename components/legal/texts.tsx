import type { ComponentType } from "react";
import type { Publisher } from "@/lib/legal/publisher";
import { TermsEn } from "./TermsEn";
import { TermsFr } from "./TermsFr";
import { TermsEnV1 } from "./terms-v1/TermsEn";
import { TermsFrV1 } from "./terms-v1/TermsFr";
import { TermsEnV2 } from "./terms-v2/TermsEn";
import { TermsFrV2 } from "./terms-v2/TermsFr";
import { PrivacyEn } from "./PrivacyEn";
import { PrivacyFr } from "./PrivacyFr";
import { PrivacyEnV1 } from "./privacy-v1/PrivacyEn";
import { PrivacyFrV1 } from "./privacy-v1/PrivacyFr";

type Text = ComponentType<{ publisher: Publisher }>;

/**
 * The text of each version of the terms, in each language (lib/legal/versions.ts lists them). A
 * new version gets its own components; the previous ones stay here, readable for good.
 */
export const TERMS_TEXTS: Record<string, { fr: Text; en: Text }> = {
  "1": { fr: TermsFrV1, en: TermsEnV1 },
  "2": { fr: TermsFrV2, en: TermsEnV2 },
  "3": { fr: TermsFr, en: TermsEn },
};

/** The text of each version of the privacy policy, the same way. */
export const PRIVACY_TEXTS: Record<string, { fr: Text; en: Text }> = {
  "1": { fr: PrivacyFrV1, en: PrivacyEnV1 },
  "2": { fr: PrivacyFr, en: PrivacyEn },
};
