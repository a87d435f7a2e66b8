import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { expertProfiles } from "@/db/schema";
import { chooseRole } from "@/lib/accounts/choose-role";
import { updateExpertProfile } from "@/lib/experts/profile";
import { getMyExpertProfile } from "@/lib/experts/queries";
import { valuesToProfileInput } from "@/lib/experts/form-values";
import { completeProfileInput } from "../../helpers/experts";
import { makeUser } from "../../helpers/factories";

async function newExpert() {
  const actor = await makeUser(null);
  await chooseRole(actor, { role: "expert", name: "Camille Durand" });
  return { ...actor, role: "expert" as const };
}

const stored = async (userId: string) => {
  const [row] = await db.select().from(expertProfiles).where(eq(expertProfiles.userId, userId));
  return { tradeRegister: row?.tradeRegister, tradeRegisterPlace: row?.tradeRegisterPlace, shareCapitalCents: row?.shareCapitalCents };
};

describe("the legal mentions of the expert's invoices, in the profile", () => {
  it("a company (EURL, SASU, SARL, SAS) must give its register, the registry's city and its share capital", async () => {
    const expert = await newExpert();
    const input = await completeProfileInput();
    for (const legalForm of ["eurl", "sasu", "sarl", "sas"] as const) {
      const result = await updateExpertProfile(expert, { ...input, legalForm, tradeRegister: undefined, tradeRegisterPlace: "", shareCapitalEuros: "" });
      expect(result).toEqual({
        ok: false,
        error: "invalid",
        fields: { tradeRegister: "tradeRegisterRequired", tradeRegisterPlace: "tradeRegisterPlaceRequired", shareCapitalEuros: "shareCapitalRequired" },
      });
    }
    expect(await updateExpertProfile(expert, { ...input, legalForm: "sas", tradeRegister: "rcs", tradeRegisterPlace: "Nantes", shareCapitalEuros: "1 500,50" })).toMatchObject({ ok: true });
    expect(await stored(expert.id)).toEqual({ tradeRegister: "rcs", tradeRegisterPlace: "Nantes", shareCapitalCents: 150_050 });
  });

  it.each([
    ["abc", "shareCapital"],
    ["-10", "shareCapital"],
    ["0", "shareCapital"],
    ["12,345", "shareCapital"],
  ])("refuses a share capital of %s with a clear message", async (shareCapitalEuros, error) => {
    const result = await updateExpertProfile(await newExpert(), { ...(await completeProfileInput()), shareCapitalEuros });
    expect(result).toMatchObject({ ok: false, error: "invalid", fields: { shareCapitalEuros: error } });
  });

  it("an entrepreneur individuel gives a register only if registered, and never a share capital", async () => {
    const expert = await newExpert();
    const input = await completeProfileInput();
    expect(await updateExpertProfile(expert, { ...input, legalForm: "ei", tradeRegister: undefined, tradeRegisterPlace: "", shareCapitalEuros: "5000" })).toMatchObject({ ok: true });
    expect(await stored(expert.id)).toEqual({ tradeRegister: null, tradeRegisterPlace: null, shareCapitalCents: null });
    expect(await updateExpertProfile(expert, { ...input, legalForm: "micro_entrepreneur", tradeRegister: "rm", tradeRegisterPlace: "" })).toMatchObject({
      ok: false,
      fields: { tradeRegisterPlace: "tradeRegisterPlaceRequired" },
    });
    expect(await updateExpertProfile(expert, { ...input, legalForm: "micro_entrepreneur", tradeRegister: "rm", tradeRegisterPlace: "69" })).toMatchObject({ ok: true });
    expect(await stored(expert.id)).toEqual({ tradeRegister: "rm", tradeRegisterPlace: "69", shareCapitalCents: null });
  });

  it("reads the form's fields, and a profile missing a mandatory mention lists it before submission", async () => {
    const input = valuesToProfileInput({ legalForm: "sarl", tradeRegister: "rcs", tradeRegisterPlace: "Lille", shareCapitalEuros: "2 000" });
    expect(input).toMatchObject({ tradeRegister: "rcs", tradeRegisterPlace: "Lille", shareCapitalEuros: "2 000" });
    const expert = await newExpert();
    await updateExpertProfile(expert, { ...(await completeProfileInput()), legalForm: "ei", tradeRegister: undefined, tradeRegisterPlace: "", shareCapitalEuros: "" });
    expect((await getMyExpertProfile(expert))?.missing).not.toContain("legalMentions");
    // A profile saved before the mentions existed (the migration leaves them empty).
    await db.update(expertProfiles).set({ legalForm: "sasu" }).where(eq(expertProfiles.userId, expert.id));
    expect((await getMyExpertProfile(expert))?.missing).toContain("legalMentions");
  });
});

describe("the option for VAT on debits, in the profile", () => {
  it("is kept when ticked (form checkbox 'on'), and off otherwise", async () => {
    const expert = await newExpert();
    const input = await completeProfileInput();
    const vatOnDebits = async () => (await db.select({ v: expertProfiles.vatOnDebits }).from(expertProfiles).where(eq(expertProfiles.userId, expert.id)))[0]?.v;
    expect(await vatOnDebits()).toBe(false);
    expect(await updateExpertProfile(expert, { ...input, vatOnDebits: true })).toMatchObject({ ok: true });
    expect(await vatOnDebits()).toBe(true);
    expect(valuesToProfileInput({ vatOnDebits: "on" }).vatOnDebits).toBe(true);
    expect(valuesToProfileInput({}).vatOnDebits).toBe(false);
    expect(await updateExpertProfile(expert, { ...input, vatOnDebits: false })).toMatchObject({ ok: true });
    expect(await vatOnDebits()).toBe(false);
  });
});
