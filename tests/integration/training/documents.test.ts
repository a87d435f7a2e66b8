import { asc, eq } from "drizzle-orm";
import { extractText } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractMilestones } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { markDelivered } from "@/lib/payments/delivery";
import { addAttendees, getTrainingView } from "@/lib/training/attendees";
import { trainingDocumentPdf } from "@/lib/training/documents/download";
import { fundMilestone } from "../../helpers/contracts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeTrainingContract } from "../../helpers/training";

let owner: Actor;
let outsider: Actor;
let admin: Actor;
beforeAll(async () => {
  owner = await makeUser("client", { name: "Claire Martin" });
  outsider = await makeUser("expert");
  admin = await makeUser("admin");
  await makeOrganization(owner);
});

const textOf = async (pdf: Uint8Array) => (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " ");

describe("a training contract's documents", () => {
  it("give the parties and admins the agreement and each session's attendance sheet with the attendees; certificates once every session was delivered", async () => {
    const { contractId, expert } = await makeTrainingContract({ owner, qualiopi: true, activate: true });
    expect((await addAttendees(owner, { contractId, attendees: [{ fullName: "Léa Dubois", email: "lea@example.org" }, { fullName: "Marc Lefèvre", email: "marc@example.org" }] })).ok).toBe(true);
    const view = await getTrainingView(owner, contractId);
    if (!view) throw new Error("no training view");

    for (const actor of [owner, expert, admin]) {
      const agreement = await trainingDocumentPdf(actor, contractId, { doc: "agreement" }, "fr");
      if (!agreement.ok) throw new Error(JSON.stringify(agreement));
      expect(agreement.value.fileName).toBe("convention-de-formation-formation-2026-12b-fr.pdf");
      const text = await textOf(agreement.value.bytes);
      // An accepted contract document: the hash of its text and both acceptances.
      expect(text).toContain("Acceptations enregistrées");
      expect(text).toMatch(/Client \(.+\) : acceptée par Claire Martin le .+ empreinte SHA-256 [0-9a-f]{64}/);
      expect(text).toContain("Convention de formation professionnelle");
      expect(text).toContain("QUA-2026-0042");
      expect(text).toContain("84 69 12345 69");
    }
    const [first] = view.sessions;
    const sheet = await trainingDocumentPdf(expert, contractId, { doc: "attendance", sessionId: first?.id ?? "" }, "en");
    if (!sheet.ok) throw new Error(JSON.stringify(sheet));
    const sheetText = await textOf(sheet.value.bytes);
    expect(sheetText).toContain("Attendance sheet");
    expect(sheetText).toContain("Léa Dubois");
    expect(sheetText).toContain("Marc Lefèvre");
    expect(sheetText).toContain("Afternoon — 8 March 2027");

    const lea = view.attendees.find((a) => a.fullName === "Léa Dubois");
    const certificate = { doc: "certificate" as const, attendeeId: lea?.id ?? "" };
    expect(await trainingDocumentPdf(owner, contractId, certificate, "fr")).toEqual({ ok: false, error: "not_delivered" });

    const milestones = await db.select().from(contractMilestones).where(eq(contractMilestones.contractId, contractId)).orderBy(asc(contractMilestones.position));
    for (const milestone of milestones) {
      await fundMilestone(owner, milestone.id);
      expect((await markDelivered(expert, { milestoneId: milestone.id, note: "Session réalisée, feuille d’émargement signée." })).ok).toBe(true);
    }
    const issued = await trainingDocumentPdf(owner, contractId, certificate, "fr");
    if (!issued.ok) throw new Error(JSON.stringify(issued));
    expect(issued.value.fileName).toBe("attestation-fin-de-formation-lea-dubois-fr.pdf");
    const text = await textOf(issued.value.bytes);
    expect(text).toContain("Attestation de fin de formation");
    expect(text).toContain("Léa Dubois");
    expect(text).toContain("du 8 mars 2027 au 15 mars 2027");
  });

  it("are refused to anyone else, and unknown sessions or attendees are not found", async () => {
    const { contractId } = await makeTrainingContract({ owner });
    await expect(trainingDocumentPdf(outsider, contractId, { doc: "agreement" }, "fr")).rejects.toThrow(PolicyError);
    await expect(trainingDocumentPdf(null, contractId, { doc: "agreement" }, "fr")).rejects.toThrow(PolicyError);
    expect(await trainingDocumentPdf(owner, contractId, { doc: "attendance", sessionId: "nope" }, "fr")).toEqual({ ok: false, error: "not_found" });
    expect(await trainingDocumentPdf(owner, contractId, { doc: "certificate", attendeeId: "nope" }, "fr")).toEqual({ ok: false, error: "not_found" });
  });
});
