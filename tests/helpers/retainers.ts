import type { Actor } from "@/lib/auth/actor";
import type { RetainerTermsInput } from "@/lib/retainers/schemas";
import { saveRetainerTerms } from "@/lib/retainers/terms";

/** 450 € a month with 6 hours, 90 € an extra hour, 4/8/16/40 working hours, Mon–Fri 09:00–18:00, 3 months, 30 days' notice. */
export function retainerTermsInput(bidId: string, overrides: Partial<RetainerTermsInput> = {}): RetainerTermsInput {
  return {
    bidId,
    monthlyFee: "450",
    hoursIncluded: 6,
    extraHour: "90",
    responseCritical: 4,
    responseHigh: 8,
    responseNormal: 16,
    responseLow: 40,
    coveredSoftware: "Nextcloud\nWireGuard",
    coveredHosts: "vps-1.example.fr",
    workingDays: [1, 2, 3, 4, 5],
    workStart: "09:00",
    workEnd: "18:00",
    minimumTermMonths: 3,
    noticeDays: 30,
    ...overrides,
  };
}

/** Saves the terms or throws. */
export async function saveRetainer(expert: Actor, bidId: string, overrides: Partial<RetainerTermsInput> = {}) {
  const saved = await saveRetainerTerms(expert, retainerTermsInput(bidId, overrides));
  if (!saved.ok) throw new Error(`retainer terms refused: ${JSON.stringify(saved)}`);
}

/** A retainer contract formed through the real use cases: job, bid with retainer terms, acceptance (and the NDA accepted by both when `activate`). */
export async function makeRetainerContract(options: { owner?: Actor; terms?: Partial<RetainerTermsInput>; activate?: boolean; startOn?: string } = {}) {
  const { makeBid } = await import("./bids");
  const { makeJob } = await import("./jobs");
  const { acceptBid } = await import("@/lib/contracts/accept-bid");
  const { acceptTestMandate } = await import("./contracts");
  const { makeOrganization, makeUser } = await import("./factories");
  let owner = options.owner;
  if (!owner) {
    owner = await makeUser("client", { name: "Claire Martin" });
    await makeOrganization(owner);
  }
  const jobId = await makeJob(owner, { kind: "support_monthly", title: "Maintenir notre Nextcloud", personalData: false });
  const { expert, bidId } = await makeBid(jobId, options.startOn ? { startOn: options.startOn } : {});
  await saveRetainer(expert, bidId, options.terms);
  await acceptTestMandate(expert);
  const accepted = await acceptBid(owner, { acceptNotReady: true, bidId });
  if (!accepted.ok) throw new Error(`bid not accepted: ${JSON.stringify(accepted)}`);
  const { contractId } = accepted.value;
  if (options.activate) {
    const { acceptContractDocument } = await import("@/lib/contracts/documents-acceptance");
    for (const actor of [owner, expert]) {
      const done = await acceptContractDocument(actor, { contractId, kind: "nda" });
      if (!done.ok) throw new Error(`nda not accepted: ${JSON.stringify(done)}`);
    }
  }
  return { owner, expert, jobId, bidId, contractId };
}

/**
 * The client saves a payment method the way the page does in test mode: the setup use case, the
 * local setup page's "save" button, then the worker's processing of the event it emits.
 */
export async function saveTestPaymentMethod(owner: Actor, contractId: string, kind: "sepa_debit" | "card" = "sepa_debit"): Promise<string> {
  const { startRetainerPaymentMethodSetup } = await import("@/lib/retainers/payment-method");
  const { simulateTestSetup } = await import("@/lib/payments/test-mode/setup");
  const { runQueuedJobs } = await import("./worker");
  const started = await startRetainerPaymentMethodSetup(owner, { contractId, kind });
  if (!started.ok) throw new Error(`payment method setup refused: ${JSON.stringify(started)}`);
  const sessionId = new URL(started.value.url).pathname.split("/").pop() ?? "";
  const saved = await simulateTestSetup(sessionId, "save");
  if (!saved.ok) throw new Error(`setup page refused: ${JSON.stringify(saved)}`);
  await runQueuedJobs(["process_stripe_event"]);
  return sessionId;
}
