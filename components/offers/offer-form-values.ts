import type { Offer } from "@/db/schema";
import type { OfferInput } from "@/lib/offers/schemas";
import { amountInput } from "@/lib/money/format";

/**
 * The offer form's flat values (the names its fields post), shared by the form, which shows them,
 * and the actions, which read them back. Plain functions: safe on the server and the client.
 */
export type OfferFormValues = Record<string, string>;

/**
 * The rows `prefix.N.field` in the order they were shown, blank rows left out: row names can
 * have gaps (a row removed in the middle); positions here are what errors refer to.
 */
export function formRows<F extends string>(values: OfferFormValues, prefix: string, fields: readonly F[]): Record<F, string>[] {
  const pattern = new RegExp(`^${prefix}\\.(\\d+)\\.`);
  const indexes = [...new Set(Object.keys(values).flatMap((k) => (pattern.test(k) ? [Number(k.split(".")[1])] : [])))].sort((a, b) => a - b);
  return indexes
    .map((i) => Object.fromEntries(fields.map((f) => [f, values[`${prefix}.${i}.${f}`] ?? ""])) as Record<F, string>)
    .filter((row) => fields.some((f) => row[f].trim()));
}

const ROWS = { milestones: ["title", "amount"], extras: ["title", "price"] } as const;

/** The same values with the repeated rows renumbered 0, 1, 2… so that they line up with the errors. */
export function normalizeOfferValues(values: OfferFormValues): OfferFormValues {
  const rest = Object.fromEntries(Object.entries(values).filter(([k]) => !/^(milestones|extras)\./.test(k)));
  for (const prefix of ["milestones", "extras"] as const) {
    formRows(values, prefix, ROWS[prefix]).forEach((row, i) => {
      for (const [field, value] of Object.entries(row)) rest[`${prefix}.${i}.${field}`] = value as string;
    });
  }
  return rest;
}

/** The form's values as the use case's input (texts as typed; the use case validates them). */
export function offerInputOf(values: OfferFormValues): OfferInput {
  return {
    title: values.title ?? "",
    softwareId: values.softwareId ?? "",
    kind: values.kind ?? "",
    summary: values.summary ?? "",
    included: values.included ?? "",
    excluded: values.excluded ?? "",
    prerequisites: values.prerequisites ?? "",
    hostingMin: values.hostingMin ?? "",
    hostingMax: values.hostingMax ?? "",
    deliveryDays: values.deliveryDays ?? "",
    price: values.price ?? "",
    milestones: formRows(values, "milestones", ROWS.milestones),
    extras: formRows(values, "extras", ROWS.extras),
    remote: values.remote === "on",
    departements: values.departements ?? "",
    questions: values.questions ?? "",
  };
}

/** A saved offer as the form's values, to edit it. */
export function offerToFormValues(offer: Offer, locale: string): OfferFormValues {
  const values: OfferFormValues = {
    title: offer.title,
    softwareId: offer.softwareId,
    kind: offer.kind,
    summary: offer.summary,
    included: offer.included,
    excluded: offer.excluded,
    prerequisites: offer.prerequisites,
    hostingMin: offer.hostingMinCents ? amountInput(offer.hostingMinCents, locale) : "",
    hostingMax: offer.hostingMaxCents ? amountInput(offer.hostingMaxCents, locale) : "",
    deliveryDays: String(offer.deliveryDays),
    price: amountInput(offer.priceCents, locale),
    departements: offer.departements.join(", "),
    questions: offer.questions.join("\n"),
  };
  if (offer.remote) values.remote = "on";
  offer.milestones.forEach((m, i) => {
    values[`milestones.${i}.title`] = m.title;
    values[`milestones.${i}.amount`] = amountInput(m.amountCents, locale);
  });
  offer.extras.forEach((e, i) => {
    values[`extras.${i}.title`] = e.title;
    values[`extras.${i}.price`] = amountInput(e.priceCents, locale);
  });
  return values;
}
