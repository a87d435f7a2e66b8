import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contracts, expertProfiles, expertTaxDetails, transfers } from "@/db/schema";
import { eraseAccount } from "@/lib/accounts/erase";
import { PolicyError } from "@/lib/auth/policy";
import { getMyTaxDetails, isValidIban, saveMyTaxDetails } from "@/lib/dac7/tax-details";
import { makeActiveContract } from "../../helpers/contracts";
import { makeCompleteExpert } from "../../helpers/experts";
import { makeUser } from "../../helpers/factories";

const rowOf = async (userId: string) => (await db.select().from(expertTaxDetails).where(eq(expertTaxDetails.userId, userId)))[0];

describe("the expert's DAC7 tax details", () => {
  it("a company gives an IBAN only; it is stored without spaces, in capitals", async () => {
    const { actor } = await makeCompleteExpert();
    expect((await getMyTaxDetails(actor)).individual).toBe(false);
    expect(await saveMyTaxDetails(actor, { iban: "fr76 3000 6000 0112 3456 7890 189" })).toEqual({ ok: true, value: undefined });
    expect(await rowOf(actor.id)).toMatchObject({ iban: "FR7630006000011234567890189", firstName: null, birthDate: null });
  });

  it("an individual must give first and last name and a real date of birth; every refusal is per field and translated", async () => {
    const { actor } = await makeCompleteExpert();
    await db.update(expertProfiles).set({ legalForm: "micro_entrepreneur" }).where(eq(expertProfiles.userId, actor.id));
    expect(await saveMyTaxDetails(actor, {}, "2026-12-05")).toEqual({ ok: false, error: "invalid", fields: { firstName: "required", lastName: "required", birthDate: "required" } });
    for (const birthDate of ["1985-02-30", "12/04/1985", "2015-01-01", "1890-01-01"]) {
      const result = await saveMyTaxDetails(actor, { firstName: "Karim", lastName: "Haddad", birthDate }, "2026-12-05");
      expect(result, birthDate).toEqual({ ok: false, error: "invalid", fields: { birthDate: "birthDate" } });
    }
    expect((await saveMyTaxDetails(actor, { firstName: "K".repeat(101), lastName: "Haddad", birthDate: "1990-06-01" }, "2026-12-05")).ok).toBe(false);
    expect(await rowOf(actor.id)).toBeUndefined();
    expect((await saveMyTaxDetails(actor, { firstName: " Karim ", lastName: "Haddad", birthDate: "1990-06-01", birthCity: "Marseille" }, "2026-12-05")).ok).toBe(true);
    expect(await rowOf(actor.id)).toMatchObject({ firstName: "Karim", lastName: "Haddad", birthDate: "1990-06-01", birthCity: "Marseille", iban: null });
  });

  it("checks the IBAN key (ISO 7064 mod 97)", () => {
    expect(isValidIban("FR7630006000011234567890189")).toBe(true);
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(isValidIban("FR7630006000011234567890188")).toBe(false);
    expect(isValidIban("FR76")).toBe(false);
  });

  it("is the expert's own: clients, admins and anonymous visitors are refused", async () => {
    for (const actor of [await makeUser("client"), await makeUser("admin"), null]) {
      await expect(saveMyTaxDetails(actor, { iban: "" })).rejects.toBeInstanceOf(PolicyError);
      await expect(getMyTaxDetails(actor)).rejects.toBeInstanceOf(PolicyError);
    }
  });

  it("erasing the account deletes them for an expert never paid, and keeps what was declared for one who was", async () => {
    const { actor } = await makeCompleteExpert();
    await saveMyTaxDetails(actor, { iban: "FR7630006000011234567890189" });
    expect(await eraseAccount(actor, { confirmEmail: actor.email })).toEqual({ ok: true, value: undefined });
    expect(await rowOf(actor.id)).toBeUndefined();

    const contract = await makeActiveContract();
    await saveMyTaxDetails(contract.expert, { iban: "FR7630006000011234567890189" });
    await db.insert(transfers).values({
      milestoneId: contract.milestoneIds[0]!,
      contractId: contract.contractId,
      expertUserId: contract.expert.id,
      grossCents: 12_000,
      grossExVatCents: 10_000,
      commissionCents: 1_000,
      amountCents: 11_000,
      status: "sent",
    });
    await db.update(contracts).set({ status: "completed" }).where(eq(contracts.id, contract.contractId));
    expect(await eraseAccount(contract.expert, { confirmEmail: contract.expert.email })).toEqual({ ok: true, value: undefined });
    expect(await rowOf(contract.expert.id)).toMatchObject({ iban: "FR7630006000011234567890189" });
  });
});
