import type { ExpertProfile } from "@/db/schema";
import type { ExpertProfileInput } from "./schemas";

import type { FlatValues } from "@/lib/actions/form-values";
import { amountInput } from "@/lib/money/format";

/**
 * The profile editor is one HTML form: these helpers turn its fields into the use case's input,
 * and a profile back into field values (a refused form is shown again from what was typed).
 */
const list = (value: string | undefined) => (value ? value.split("\n").filter(Boolean) : []);
const rowIndexes = (values: FlatValues, group: string) =>
  [...new Set(Object.keys(values).flatMap((k) => (k.startsWith(`${group}.`) ? [Number(k.split(".")[1])] : [])))].sort((a, b) => a - b);

export function valuesToProfileInput(values: FlatValues): ExpertProfileInput {
  const text = (key: string) => values[key] ?? "";
  return {
    displayName: text("displayName"),
    headline: text("headline"),
    bio: text("bio"),
    serviceKinds: list(values.serviceKinds) as ExpertProfileInput["serviceKinds"],
    dailyRateEuros: text("dailyRateEuros") as unknown as number,
    departments: text("departments")
      .split(/[\s,;]+/)
      .filter(Boolean),
    remoteOk: values.remoteOk === "on",
    languages: list(values.languages) as ExpertProfileInput["languages"],
    legalForm: (text("legalForm") || undefined) as ExpertProfileInput["legalForm"],
    siret: text("siret"),
    vatRegime: (text("vatRegime") || undefined) as ExpertProfileInput["vatRegime"],
    vatNumber: text("vatNumber"),
    vatOnDebits: values.vatOnDebits === "on",
    tradeRegister: text("tradeRegister") as ExpertProfileInput["tradeRegister"],
    tradeRegisterPlace: text("tradeRegisterPlace"),
    shareCapitalEuros: text("shareCapitalEuros"),
    insurer: text("insurer"),
    insurancePolicyNumber: text("insurancePolicyNumber"),
    insuranceExpiresOn: text("insuranceExpiresOn"),
    links: { website: text("links.website"), forge: text("links.forge"), contributions: text("links.contributions") },
    skills: rowIndexes(values, "skills")
      .map((i) => ({ softwareId: text(`skills.${i}.softwareId`), level: text(`skills.${i}.level`), years: text(`skills.${i}.years`) }))
      .filter((s) => s.softwareId) as unknown as ExpertProfileInput["skills"],
    references: rowIndexes(values, "references")
      .map((i) => ({ clientType: text(`references.${i}.clientType`), project: text(`references.${i}.project`), year: text(`references.${i}.year`) }))
      .filter((r) => r.clientType || r.project) as unknown as ExpertProfileInput["references"],
    publicFields: list(values.publicFields) as ExpertProfileInput["publicFields"],
  };
}

export function profileToValues(
  profile: ExpertProfile,
  skills: { softwareId: string; level: number; years: number }[],
  references: { clientType: string; project: string; year: number }[],
): FlatValues {
  const values: FlatValues = {
    displayName: profile.displayName,
    headline: profile.headline,
    bio: profile.bio,
    serviceKinds: profile.serviceKinds.join("\n"),
    dailyRateEuros: profile.dailyRateCents ? amountInput(profile.dailyRateCents, "en") : "", // a number field: a dot, never a comma
    departments: profile.departments.join(", "),
    remoteOk: profile.remoteOk ? "on" : "",
    languages: profile.languages.join("\n"),
    legalForm: profile.legalForm ?? "",
    siret: profile.siret ?? "",
    vatRegime: profile.vatRegime ?? "",
    vatNumber: profile.vatNumber ?? "",
    vatOnDebits: profile.vatOnDebits ? "on" : "",
    tradeRegister: profile.tradeRegister ?? "",
    tradeRegisterPlace: profile.tradeRegisterPlace ?? "",
    shareCapitalEuros: profile.shareCapitalCents ? amountInput(profile.shareCapitalCents, "fr") : "",
    insurer: profile.insurer ?? "",
    insurancePolicyNumber: profile.insurancePolicyNumber ?? "",
    insuranceExpiresOn: profile.insuranceExpiresOn ?? "",
    "links.website": profile.links.website ?? "",
    "links.forge": profile.links.forge ?? "",
    "links.contributions": profile.links.contributions ?? "",
    publicFields: profile.publicFields.join("\n"),
  };
  skills.forEach((s, i) => {
    values[`skills.${i}.softwareId`] = s.softwareId;
    values[`skills.${i}.level`] = String(s.level);
    values[`skills.${i}.years`] = String(s.years);
  });
  references.forEach((r, i) => {
    values[`references.${i}.clientType`] = r.clientType;
    values[`references.${i}.project`] = r.project;
    values[`references.${i}.year`] = String(r.year);
  });
  return values;
}
