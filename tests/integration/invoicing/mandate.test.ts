import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { auditLog, billingMandates, expertProfiles, invoices } from "@/db/schema";
import { acceptBillingMandateAction } from "@/app/expert/billing-mandate/actions";
import { idleState } from "@/lib/actions/form-state";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { acceptBillingMandate, getMyMandate } from "@/lib/invoicing/mandate";
import { MANDATE_VERSION, mandateSha256 } from "@/lib/invoicing/mandate-text";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { makeUser } from "../../helpers/factories";

// The action asks `currentActor()` (the Auth.js session) who is signed in; tests say it directly.
vi.mock("@/lib/auth/current-actor", () => ({ currentActor: vi.fn() }));
afterEach(() => vi.mocked(currentActor).mockReset());

const valid = {
  legalName: "Sophie Bernard EI",
  addressLine1: "8 quai Saint-Vincent",
  addressLine2: "",
  postalCode: "69001",
  city: "Lyon",
  confirm: "yes",
};

/** An expert whose profile gives the legal form (and, for a company, the register and capital). */
async function expertWith(profile: Partial<typeof expertProfiles.$inferInsert> = { legalForm: "ei" }): Promise<Actor> {
  const expert = await makeUser("expert");
  await db.insert(expertProfiles).values({ userId: expert.id, slug: `expert-${expert.id}`, ...profile });
  return expert;
}

const formData = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};

describe("acceptBillingMandate", () => {
  it("records the expert's acceptance of the current text with the identity for its invoices", async () => {
    const expert = await expertWith();
    expect(await getMyMandate(expert)).toBeNull();
    expect(await acceptBillingMandate(expert, { ...valid, legalName: "  Sophie Bernard EI  " })).toEqual({ ok: true, value: undefined });
    const mandate = await getMyMandate(expert);
    expect(mandate).toMatchObject({
      userId: expert.id,
      legalName: "Sophie Bernard EI",
      addressLine1: "8 quai Saint-Vincent",
      addressLine2: null,
      postalCode: "69001",
      city: "Lyon",
      version: MANDATE_VERSION,
      textSha256: mandateSha256(env().PLATFORM_LEGAL_NAME, MANDATE_VERSION),
    });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, expert.id), eq(auditLog.action, "billing_mandate.accepted")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.data).toEqual({ version: MANDATE_VERSION });
  });

  it.each([
    ["legalName", { legalName: "" }, "required"],
    ["legalName", { legalName: "x".repeat(201) }, "tooLong"],
    ["addressLine1", { addressLine1: " a " }, "required"],
    ["addressLine1", { addressLine1: "x".repeat(201) }, "tooLong"],
    ["addressLine2", { addressLine2: "x".repeat(201) }, "tooLong"],
    ["postalCode", { postalCode: "6900" }, "postalCode"],
    ["postalCode", { postalCode: "69 001" }, "postalCode"],
    ["postalCode", { postalCode: "" }, "postalCode"],
    ["city", { city: "L" }, "required"],
    ["city", { city: "x".repeat(101) }, "tooLong"],
    ["confirm", { confirm: undefined }, "confirmRequired"],
    ["confirm", { confirm: "no" }, "confirmRequired"],
  ])("refuses an invalid %s (%j) with the error key %s, and stores nothing", async (field, change, code) => {
    const expert = await expertWith();
    const result = await acceptBillingMandate(expert, { ...valid, ...change });
    expect(result).toEqual({ ok: false, error: "invalid", fields: { [field]: code } });
    expect(await getMyMandate(expert)).toBeNull();
  });

  it("accepting again updates the identity for future invoices; issued invoices keep theirs", async () => {
    const contract = await makeActiveContract({ bid: { total: "300", milestones: [{ title: "Audit", amount: "300", dueOn: "2027-02-01" }] } });
    const { expert, owner } = contract;
    const milestoneId = contract.milestoneIds[0]!;
    await fundMilestone(owner, milestoneId);
    expect((await markDelivered(expert, { milestoneId, note: "Audit livré avec son rapport." })).ok).toBe(true);
    expect((await approveMilestone(owner, { milestoneId })).ok).toBe(true);
    const before = await getMyMandate(expert);

    const moved = { ...valid, legalName: "Bernard Conseil SARL", addressLine1: "3 rue de la République", addressLine2: "Bâtiment B", postalCode: "69002" };
    expect((await acceptBillingMandate(expert, moved)).ok).toBe(true);
    const rows = await db.select().from(billingMandates).where(eq(billingMandates.userId, expert.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ legalName: "Bernard Conseil SARL", addressLine1: "3 rue de la République", addressLine2: "Bâtiment B", postalCode: "69002" });
    expect(rows[0]!.acceptedAt.getTime()).toBeGreaterThanOrEqual(before!.acceptedAt.getTime());

    const [issued] = await db.select().from(invoices).where(and(eq(invoices.milestoneId, milestoneId), eq(invoices.role, "service")));
    expect(issued?.document.seller).toMatchObject({ name: before!.legalName, addressLines: [before!.addressLine1], postalCode: before!.postalCode });
  });

  it("is refused until the profile gives the mentions the legal form requires (asked before any invoice)", async () => {
    expect(await acceptBillingMandate(await makeUser("expert"), valid)).toEqual({ ok: false, error: "mentions_required" }); // no profile
    expect(await acceptBillingMandate(await expertWith({ legalForm: null }), valid)).toEqual({ ok: false, error: "mentions_required" });
    const company = await expertWith({ legalForm: "sasu", tradeRegister: "rcs", tradeRegisterPlace: "Lyon" }); // no share capital
    expect(await acceptBillingMandate(company, valid)).toEqual({ ok: false, error: "mentions_required" });
    expect(await getMyMandate(company)).toBeNull();
    await db.update(expertProfiles).set({ shareCapitalCents: 100_000 }).where(eq(expertProfiles.userId, company.id));
    expect(await acceptBillingMandate(company, valid)).toEqual({ ok: true, value: undefined });
    // An entrepreneur individuel needs no register (a liberal profession is not registered) nor capital.
    expect(await acceptBillingMandate(await expertWith({ legalForm: "micro_entrepreneur" }), valid)).toEqual({ ok: true, value: undefined });
  });

  it("refuses anonymous visitors, clients, admins and accounts without a role", async () => {
    await expect(acceptBillingMandate(null, valid)).rejects.toEqual(new PolicyError("unauthenticated"));
    await expect(getMyMandate(null)).rejects.toEqual(new PolicyError("unauthenticated"));
    for (const actor of [await makeUser("client"), await makeUser("admin"), await makeUser(null)]) {
      await expect(acceptBillingMandate(actor, valid)).rejects.toEqual(new PolicyError("forbidden"));
      await expect(getMyMandate(actor)).rejects.toEqual(new PolicyError("forbidden"));
      expect(await db.select().from(billingMandates).where(eq(billingMandates.userId, actor.id))).toEqual([]);
    }
  });
});

describe("acceptBillingMandateAction", () => {
  const signIn = (actor: Actor | null) => vi.mocked(currentActor).mockResolvedValue(actor);

  it("sends the expert back to the payouts page once accepted", async () => {
    const expert = await expertWith();
    signIn(expert);
    await expect(acceptBillingMandateAction(idleState, formData(valid))).rejects.toMatchObject({ digest: expect.stringContaining("/expert/payouts?mandate=1") });
    expect(await getMyMandate(expert)).toMatchObject({ legalName: valid.legalName });
  });

  it("keeps what was typed and names each wrong field", async () => {
    signIn(await expertWith());
    const { confirm: _confirm, ...unticked } = { ...valid, postalCode: "abc" };
    const state = await acceptBillingMandateAction(idleState, formData(unticked));
    expect(state).toEqual({ status: "error", fieldErrors: { postalCode: "postalCode", confirm: "confirmRequired" }, values: unticked });
  });

  it("sends an expert whose profile lacks a mandatory mention to complete it first, keeping what was typed", async () => {
    signIn(await expertWith({ legalForm: "sarl" }));
    expect(await acceptBillingMandateAction(idleState, formData(valid))).toMatchObject({
      status: "error",
      formError: "billingMandate.mentionsRequired",
      values: { legalName: "Sophie Bernard EI", city: "Lyon" },
    });
  });

  it("tells anonymous visitors to sign in again and others that they may not", async () => {
    signIn(null);
    expect(await acceptBillingMandateAction(idleState, formData(valid))).toMatchObject({ status: "error", formError: "common.signInAgain" });
    signIn(await makeUser("client"));
    expect(await acceptBillingMandateAction(idleState, formData(valid))).toMatchObject({ status: "error", formError: "common.forbidden" });
  });
});
