import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractMilestones, contracts, retainerMonths, retainers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { buildContractDocument, contractDocumentText } from "@/lib/contracts/documents/build";
import { getRetainerView } from "@/lib/retainers/queries";
import { makeTrainingContract } from "../../helpers/training";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeRetainerContract } from "../../helpers/retainers";

let outsider: Actor;
let admin: Actor;
beforeAll(async () => {
  outsider = await makeUser("client");
  await makeOrganization(outsider);
  admin = await makeUser("admin");
});

describe("accepting a bid with a service level", () => {
  it("forms a retainer contract: the terms copied onto the retainer, the first month carried by the first milestone", async () => {
    const { contractId } = await makeRetainerContract();
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId));
    expect(contract?.totalCents).toBe(45_000);
    expect(contract?.facts.retainer).toMatchObject({ monthlyFeeCents: 45_000, hoursIncluded: 6, noticeDays: 30, coveredSoftware: ["Nextcloud", "WireGuard"] });
    const [retainer] = await db.select().from(retainers).where(eq(retainers.contractId, contractId));
    expect(retainer).toMatchObject({
      status: "active",
      startsOn: "2027-01-15",
      monthlyFeeCents: 45_000,
      extraHourCents: 9_000,
      responseHours: { critical: 4, high: 8, normal: 16, low: 40 },
      workingHours: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1080 },
      minimumTermMonths: 3,
      endsOn: null,
    });
    const months = await db.select().from(retainerMonths).where(eq(retainerMonths.contractId, contractId));
    const [milestone] = await db.select().from(contractMilestones).where(eq(contractMilestones.contractId, contractId));
    expect(months.map((m) => [m.periodStart, m.periodEnd, m.feeCents, m.status, m.milestoneId])).toEqual([["2027-01-15", "2027-02-14", 45_000, "scheduled", milestone?.id]]);
  });

  it("writes the service level into the contract document both sides accept, in French and English", async () => {
    const { contractId } = await makeRetainerContract();
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId));
    if (!contract) throw new Error("no contract");
    const fr = contractDocumentText(buildContractDocument("nda", contract.facts, "fr"));
    expect(fr).toContain("Annexe – Niveau de service du support mensuel");
    expect(fr).toContain("forfait de 450,00\u00a0€ hors taxes par mois, qui comprend 6\u00a0heures");
    expect(fr).toContain("critique (service arrêté)\u00a0: 4\u00a0heures ouvrées");
    expect(fr).toContain("lundi, mardi, mercredi, jeudi et vendredi, de 09:00 à 18:00");
    expect(fr).toContain("préavis de 30\u00a0jours");
    const en = contractDocumentText(buildContractDocument("nda", contract.facts, "en"));
    expect(en).toContain("Schedule – Service level of the monthly support");
    expect(en).toContain("Software covered: Nextcloud and WireGuard. Servers and hosts covered: vps-1.example.fr.");
  });

  it("is shown to the contract's parties and admins only; a contract without a retainer has none", async () => {
    const { contractId, owner, expert } = await makeRetainerContract();
    expect((await getRetainerView(owner, contractId))?.side).toBe("client");
    expect((await getRetainerView(expert, contractId))?.months).toHaveLength(1);
    expect((await getRetainerView(admin, contractId))?.side).toBe("admin");
    await expect(getRetainerView(outsider, contractId)).rejects.toThrow(PolicyError);
    await expect(getRetainerView(null, contractId)).rejects.toThrow(PolicyError);
    const training = await makeTrainingContract();
    expect(await getRetainerView(training.owner, training.contractId)).toBeNull();
    const nda = contractDocumentText(buildContractDocument("nda", (await db.select().from(contracts).where(eq(contracts.id, training.contractId)))[0]!.facts, "fr"));
    expect(nda).not.toContain("Niveau de service");
  });
});
