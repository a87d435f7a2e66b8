import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, retainerMonths, retainerPaymentSetups, retainers, testModeObjects } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { appUrl } from "@/lib/http/app-url";
import { loadTestSetup, simulateTestSetupPage } from "@/lib/payments/test-mode/setup-page";
import { runRetainerBilling } from "@/lib/retainers/billing";
import { startRetainerPaymentMethodSetup } from "@/lib/retainers/payment-method";
import { applySavedPaymentMethod } from "@/lib/retainers/saved-method";
import { getRetainerView } from "@/lib/retainers/queries";
import { makeActiveContract } from "../../helpers/contracts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeRetainerContract, saveTestPaymentMethod } from "../../helpers/retainers";
import { runQueuedJobs } from "../../helpers/worker";

let outsider: Actor;
let admin: Actor;
beforeAll(async () => {
  outsider = await makeUser("client");
  await makeOrganization(outsider);
  admin = await makeUser("admin");
});

const retainerOf = async (contractId: string) => (await db.select().from(retainers).where(eq(retainers.contractId, contractId)))[0];
const setupsOf = (contractId: string) => db.select().from(retainerPaymentSetups).where(eq(retainerPaymentSetups.contractId, contractId)).orderBy(asc(retainerPaymentSetups.createdAt));
const sessionOf = (url: string) => new URL(url).pathname.split("/").pop() ?? "";
const processAll = () => runQueuedJobs(["process_stripe_event", "retainer_payment_method_saved"]);

describe("starting to save a retainer's payment method (test mode)", () => {
  it("is for the client organisation's members: the others are refused, and nothing is recorded for them", async () => {
    const { owner, expert, contractId } = await makeRetainerContract({ activate: true });
    for (const actor of [expert, outsider, admin, null]) {
      await expect(startRetainerPaymentMethodSetup(actor, { contractId, kind: "card" })).rejects.toThrow(PolicyError);
    }
    await expect(startRetainerPaymentMethodSetup(owner, { contractId, kind: "cash" as "card" })).rejects.toThrow(PolicyError);
    expect(await setupsOf(contractId)).toEqual([]);
    const started = await startRetainerPaymentMethodSetup(owner, { contractId, kind: "sepa_debit" });
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect(started.value.url.startsWith(appUrl("/pay/test/setup/"))).toBe(true);
    const [setup] = await setupsOf(contractId);
    expect(setup).toMatchObject({ status: "open", kind: "sepa_debit", requestedBy: owner.id, checkoutSessionId: sessionOf(started.value.url) });
    expect(setup?.stripeCustomerId).toMatch(/^cus_test_local_/);
  });

  it("is refused for a contract that is not a retainer, and for a retainer that has ended", async () => {
    const plain = await makeActiveContract();
    expect(await startRetainerPaymentMethodSetup(plain.owner, { contractId: plain.contractId, kind: "card" })).toEqual({ ok: false, error: "not_retainer" });
    const { owner, contractId } = await makeRetainerContract({ activate: true });
    await db.update(retainers).set({ status: "ended" }).where(eq(retainers.contractId, contractId));
    expect(await startRetainerPaymentMethodSetup(owner, { contractId, kind: "card" })).toEqual({ ok: false, error: "ended" });
  });
});

describe("the local setup page", () => {
  it("is shown to the organisation's members only; saving there saves the SEPA mandate on the retainer, as the default of the organisation's customer", async () => {
    const { owner, expert, contractId } = await makeRetainerContract({ activate: true });
    const started = await startRetainerPaymentMethodSetup(owner, { contractId, kind: "sepa_debit" });
    if (!started.ok) throw new Error(JSON.stringify(started));
    const sessionId = sessionOf(started.value.url);
    for (const actor of [expert, outsider, null]) {
      await expect(loadTestSetup(actor, sessionId)).rejects.toThrow(PolicyError);
      await expect(simulateTestSetupPage(actor, { sessionId, intent: "save" })).rejects.toThrow(PolicyError);
    }
    expect(await loadTestSetup(owner, sessionId)).toMatchObject({ status: "open", kind: "sepa_debit", jobTitle: "Maintenir notre Nextcloud" });
    expect(await simulateTestSetupPage(owner, { sessionId, intent: "nonsense" })).toEqual({ ok: false, error: "invalid" });
    const saved = await simulateTestSetupPage(owner, { sessionId, intent: "save" });
    expect(saved).toEqual({ ok: true, value: { next: expect.stringContaining(appUrl(`/contracts/${contractId}?setup=`)) } });
    expect(await simulateTestSetupPage(owner, { sessionId, intent: "save" })).toEqual({ ok: false, error: "session_complete" });
    await processAll();

    const retainer = await retainerOf(contractId);
    expect(retainer).toMatchObject({ paymentMethodKind: "sepa_debit", status: "active" });
    expect(retainer?.paymentMethodId).toMatch(/^pm_test_local_sepa_debit_/);
    expect(retainer?.mandateId).toMatch(/^mandate_test_local_/);
    const [customer] = await db.select().from(testModeObjects).where(eq(testModeObjects.id, retainer!.stripeCustomerId!));
    expect((customer?.data as { invoice_settings: { default_payment_method: string } }).invoice_settings.default_payment_method).toBe(retainer?.paymentMethodId);
    expect((await setupsOf(contractId)).map((s) => s.status)).toEqual(["complete"]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, contractId), eq(auditLog.action, "retainer.payment_method_saved")));
    expect(audit).toHaveLength(1);
    const emails = await db.select({ subject: emailOutbox.subject, to: emailOutbox.toAddress }).from(emailOutbox).where(eq(emailOutbox.template, "retainer-event"));
    expect(emails.filter((e) => e.subject.includes("moyen de paiement enregistré") && e.to === owner.email)).toHaveLength(1);

    // Another retainer of the same organisation uses the same customer.
    const second = await makeRetainerContract({ owner, activate: true });
    await saveTestPaymentMethod(owner, second.contractId, "card");
    const other = await retainerOf(second.contractId);
    expect(other).toMatchObject({ paymentMethodKind: "card", stripeCustomerId: retainer?.stripeCustomerId, mandateId: null });
  });

  it("a refused mandate is recorded and the client told; the retainer keeps no method", async () => {
    const { owner, contractId } = await makeRetainerContract({ activate: true });
    const started = await startRetainerPaymentMethodSetup(owner, { contractId, kind: "sepa_debit" });
    if (!started.ok) throw new Error(JSON.stringify(started));
    expect(await simulateTestSetupPage(owner, { sessionId: sessionOf(started.value.url), intent: "refuse" })).toEqual({ ok: true, value: { next: null } });
    await processAll();
    expect(await setupsOf(contractId)).toMatchObject([{ status: "failed", failureCode: "payment_method_provider_decline" }]);
    expect((await retainerOf(contractId))?.paymentMethodId).toBeNull();
    const view = await getRetainerView(owner, contractId);
    expect(view?.latestSetup).toMatchObject({ status: "failed", kind: "sepa_debit" });
    const emails = await db.select({ subject: emailOutbox.subject }).from(emailOutbox).where(and(eq(emailOutbox.template, "retainer-event"), eq(emailOutbox.toAddress, owner.email)));
    expect(emails.filter((e) => e.subject.includes("moyen de paiement refusé"))).toHaveLength(1);
  });

  it("a month refused until the retainer was suspended is charged with the new method, and the retainer runs again", async () => {
    const { owner, contractId } = await makeRetainerContract({ activate: true });
    await saveTestPaymentMethod(owner, contractId, "sepa_debit");
    await db.update(retainers).set({ paymentMethodId: "pm_test_local_sepa_debit_fail" }).where(eq(retainers.contractId, contractId));
    for (const day of ["2027-01-15", "2027-01-18", "2027-01-21"]) {
      await runRetainerBilling(new Date(`${day}T10:00:00Z`));
      await processAll();
    }
    expect((await retainerOf(contractId))?.status).toBe("suspended");
    const [refused] = await db.select().from(retainerMonths).where(eq(retainerMonths.contractId, contractId));
    expect(refused).toMatchObject({ status: "failed", nextAttemptAt: null });

    await saveTestPaymentMethod(owner, contractId, "card");
    // The job the event queued (run here on the test's clock) charges the month at once.
    expect(await applySavedPaymentMethod(contractId, { now: new Date("2027-01-22T10:00:00Z") })).toBe("default set; 1 month(s) charged again (succeeded)");
    await runQueuedJobs(["process_stripe_event"]);
    expect((await retainerOf(contractId))?.status).toBe("active");
    const [month] = await db.select().from(retainerMonths).where(eq(retainerMonths.contractId, contractId));
    expect(month).toMatchObject({ status: "held", attempts: 4 });
  });
});
