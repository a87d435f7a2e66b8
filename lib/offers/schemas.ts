import { z } from "zod";
import { dataCategories, dataSubjects, jobKind, type DataCategory, type DataSubject } from "@/db/schema";
import { isDepartementCode } from "@/lib/geo/departements";
import { eurosToCents } from "@/lib/money/commission";
import { positiveEuros } from "@/lib/money/euros-field";
import { MAX_MILESTONE_CENTS, maxContractCents } from "@/lib/money/limits";
import { choice } from "@/lib/text/choice";
import { identityText } from "@/lib/text/identity";

export const MAX_OFFER_MILESTONES = 8;
export const MAX_OFFER_EXTRAS = 6;
export const MAX_OFFER_QUESTIONS = 8;

const cents = (error: string) => z.string({ error }).trim().pipe(positiveEuros(error));

/** Optional euros: blank → null. */
const optionalCents = z
  .string()
  .trim()
  .max(30, { error: "amount" })
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const value = eurosToCents(v);
    if (value === null || value <= 0) {
      ctx.addIssue({ code: "custom", message: "amount" });
      return z.NEVER;
    }
    return value;
  });

const longText = (min: number, error: string) => z.string({ error: "required" }).trim().min(min, { error }).max(5000, { error: "tooLong" });

/** "75, 92 93" → ["75", "92", "93"]: every code an INSEE département code, no repeats. */
const departementList = z
  .string()
  .max(400, { error: "departements" })
  .default("")
  .transform((v) => [...new Set(v.split(/[\s,;]+/).map((code) => code.trim().toUpperCase()).filter(Boolean))])
  .refine((codes) => codes.length <= 101 && codes.every((code) => isDepartementCode(code)), { error: "departements" });

/** One question per line, blank lines left out. */
const questionList = z
  .string()
  .max(4000, { error: "tooLong" })
  .default("")
  .transform((v) => v.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))
  .refine((lines) => lines.length <= MAX_OFFER_QUESTIONS, { error: "tooMany" })
  .refine((lines) => lines.every((line) => line.length <= 300), { error: "tooLong" });

/** An offer as the expert writes it: texts as typed, amounts in euros; milestones add up to the price. */
export const offerSchema = z
  .object({
    title: identityText().min(5, { error: "offerTitle" }).max(120, { error: "tooLong" }),
    softwareId: z.uuid({ error: "required" }),
    kind: choice(jobKind.enumValues, { error: "jobKind" }),
    summary: longText(30, "offerSummary"),
    included: longText(10, "offerIncluded"),
    excluded: z.string().trim().max(5000, { error: "tooLong" }).default(""),
    prerequisites: z.string().trim().max(2000, { error: "tooLong" }).default(""),
    hostingMin: optionalCents,
    hostingMax: optionalCents,
    deliveryDays: z.coerce.number({ error: "offerDelivery" }).int({ error: "offerDelivery" }).min(1, { error: "offerDelivery" }).max(365, { error: "offerDelivery" }),
    price: cents("amount"),
    milestones: z
      .array(z.object({ title: identityText().min(3, { error: "required" }).max(200, { error: "tooLong" }), amount: cents("amount") }))
      .min(1, { error: "milestonesRequired" })
      .max(MAX_OFFER_MILESTONES, { error: "tooMany" }),
    extras: z
      .array(z.object({ title: identityText().min(3, { error: "required" }).max(200, { error: "tooLong" }), price: cents("amount") }))
      .max(MAX_OFFER_EXTRAS, { error: "tooMany" })
      .default([]),
    remote: z.boolean().default(false),
    departements: departementList,
    questions: questionList,
  })
  .superRefine((offer, ctx) => {
    const sum = offer.milestones.reduce((total, m) => total + m.amount, 0);
    if (offer.price > maxContractCents()) ctx.addIssue({ code: "custom", path: ["price"], message: "amountOverContractLimit" });
    else if (sum !== offer.price) ctx.addIssue({ code: "custom", path: ["milestones"], message: "milestoneSum" });
    offer.milestones.forEach((m, i) => {
      if (m.amount > MAX_MILESTONE_CENTS) ctx.addIssue({ code: "custom", path: ["milestones", i, "amount"], message: "amountOverMilestoneLimit" });
    });
    offer.extras.forEach((m, i) => {
      if (m.price > MAX_MILESTONE_CENTS) ctx.addIssue({ code: "custom", path: ["extras", i, "price"], message: "amountOverMilestoneLimit" });
    });
    if (offer.hostingMin && offer.hostingMax && offer.hostingMax < offer.hostingMin) ctx.addIssue({ code: "custom", path: ["hostingMax"], message: "hostingOrder" });
    if (!offer.remote && offer.departements.length === 0) ctx.addIssue({ code: "custom", path: ["departements"], message: "placeRequired" });
  });

export type OfferInput = z.input<typeof offerSchema>;
export type ValidOffer = z.output<typeof offerSchema>;

const ticked = <T extends string>(allowed: readonly T[]) =>
  z
    .array(z.string().max(60, { error: "required" }))
    .max(allowed.length, { error: "tooMany" })
    .default([])
    .refine((values) => values.every((v) => (allowed as readonly string[]).includes(v)), { error: "required" })
    .transform((values) => allowed.filter((v) => values.includes(v)));

/**
 * A client's order: an answer to each of the offer's questions (checked against the offer by the
 * use case), the extras ticked (their positions), where the work happens, and whether the expert
 * will reach personal data (then whose and which, for the art. 28 agreement).
 */
export const orderSchema = z
  .object({
    offerId: z.uuid({ error: "required" }),
    answers: z.array(z.string().trim().max(2000, { error: "tooLong" })).max(MAX_OFFER_QUESTIONS, { error: "tooMany" }).default([]),
    extras: z.array(z.coerce.number().int().min(0).max(MAX_OFFER_EXTRAS - 1)).max(MAX_OFFER_EXTRAS, { error: "tooMany" }).default([]),
    place: z.string({ error: "placeRequired" }).trim().min(1, { error: "placeRequired" }).max(10, { error: "placeRequired" }),
    personalData: choice(["yes", "no"], { error: "required" }),
    dataSubjects: ticked<DataSubject>(dataSubjects),
    dataCategories: ticked<DataCategory>(dataCategories),
    acceptNotReady: z.boolean().default(false),
    expectedVatRateBps: z.number().int().min(0).max(10_000).optional(),
  })
  .superRefine((order, ctx) => {
    if (order.place !== "remote" && !isDepartementCode(order.place)) ctx.addIssue({ code: "custom", path: ["place"], message: "placeRequired" });
    if (order.personalData !== "yes") return;
    if (order.dataSubjects.length === 0) ctx.addIssue({ code: "custom", path: ["dataSubjects"], message: "dataSubjectsRequired" });
    if (order.dataCategories.length === 0) ctx.addIssue({ code: "custom", path: ["dataCategories"], message: "dataCategoriesRequired" });
  });

export type OrderInput = z.input<typeof orderSchema>;

/** The public catalogue's filters, from the query string; anything unreadable is ignored. */
export const offerFiltersSchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  software: z.string().trim().max(60).catch("").default(""),
  kind: z.enum(jobKind.enumValues).optional().catch(undefined),
  maxPrice: z.coerce.number().int().min(1).max(10_000_000).optional().catch(undefined),
  departement: z.string().trim().toUpperCase().max(3).optional().catch(undefined).transform((v) => (v && isDepartementCode(v) ? v : undefined)),
  remote: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export type OfferFilters = z.output<typeof offerFiltersSchema>;
