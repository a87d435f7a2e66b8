import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { einvoiceReports, emailOutbox, expertProfiles, notifications } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { getMyEinvoicingSettings, saveMyEinvoicingSettings } from "@/lib/einvoicing/expert-settings";
import { einvoiceDisplays } from "@/lib/einvoicing/queries";
import { buildFacturXXml } from "@/lib/invoicing/render";
import { makeCompleteExpert } from "../../helpers/experts";
import { makeUser } from "../../helpers/factories";
import { validateFacturXXsd } from "../../helpers/invoice-sample";
import { runQueuedJobs } from "../../helpers/worker";
import { configurePa, registerInDirectory, releasedMilestone, transmissionOf, startFakePaForFile } from "./helpers";

const holder = startFakePaForFile();
const OWN = { channel: "own_pa", ownPaName: "Plateforme Exemple", ownPaAddress: "812345676_FACTURES", vatFiling: "normal_quarterly" };

describe("the expert's e-invoicing choice (Compagnon's PA or their own)", () => {
  it("the expert saves it; Compagnon's PA is the default; switching back forgets the PA's name and address", async () => {
    const { actor: expert } = await makeCompleteExpert();
    expect(await getMyEinvoicingSettings(expert)).toMatchObject({ channel: "compagnon", ownPaName: null, ownPaAddress: null, vatFiling: null, siren: "812345676" });
    expect(await saveMyEinvoicingSettings(expert, OWN)).toEqual({ ok: true, value: undefined });
    expect(await getMyEinvoicingSettings(expert)).toMatchObject({ channel: "own_pa", ownPaName: "Plateforme Exemple", ownPaAddress: "812345676_FACTURES", vatFiling: "normal_quarterly" });
    expect(await saveMyEinvoicingSettings(expert, { channel: "compagnon", ownPaName: "Plateforme Exemple", ownPaAddress: "812345676_FACTURES", vatFiling: "" })).toEqual({ ok: true, value: undefined });
    expect(await getMyEinvoicingSettings(expert)).toMatchObject({ channel: "compagnon", ownPaName: null, ownPaAddress: null, vatFiling: null });
  });

  it("refuses a client, an admin and an anonymous visitor", async () => {
    for (const actor of [await makeUser("client"), await makeUser("admin"), null]) {
      await expect(saveMyEinvoicingSettings(actor, OWN)).rejects.toBeInstanceOf(PolicyError);
      await expect(getMyEinvoicingSettings(actor)).rejects.toBeInstanceOf(PolicyError);
    }
  });

  it("refuses bad input field by field: own PA without its name or address, an address that is not one or not the expert's SIREN, an unknown choice", async () => {
    const { actor: expert } = await makeCompleteExpert();
    expect(await saveMyEinvoicingSettings(expert, { channel: "own_pa", ownPaName: "", ownPaAddress: "" })).toEqual({ ok: false, error: "invalid", fields: { ownPaName: "required", ownPaAddress: "required" } });
    expect(await saveMyEinvoicingSettings(expert, { ...OWN, ownPaAddress: "factures@example.fr" })).toMatchObject({ ok: false, fields: { ownPaAddress: "electronicAddress" } });
    expect(await saveMyEinvoicingSettings(expert, { ...OWN, ownPaAddress: "443061841_FACTURES" })).toMatchObject({ ok: false, fields: { ownPaAddress: "electronicAddressSiren" } });
    expect(await saveMyEinvoicingSettings(expert, { ...OWN, channel: "fax" })).toMatchObject({ ok: false, fields: { channel: "required" } });
    expect(await saveMyEinvoicingSettings(expert, { ...OWN, vatFiling: "yearly" })).toMatchObject({ ok: false, fields: { vatFiling: "required" } });
    expect(await getMyEinvoicingSettings(expert)).toMatchObject({ channel: "compagnon" });
  });
});

describe("an expert who sends through their own PA", () => {
  it("their invoices are issued with their address there, marked transmitted by their PA, never sent by Compagnon, and they are reminded; Compagnon's commission invoice still goes", async () => {
    const fake = holder.pa;
    configurePa(fake);
    const { service, commission, contract } = await releasedMilestone(async (c) => {
      expect((await saveMyEinvoicingSettings(c.expert, OWN)).ok).toBe(true);
    });
    expect(service.document.sellerPa).toEqual({ name: "Plateforme Exemple" });
    expect(service.document.seller.electronicAddress).toBe("812345676_FACTURES");
    const xml = buildFacturXXml(service.document);
    expect(xml).toContain('<ram:URIID schemeID="0225">812345676_FACTURES</ram:URIID>');
    expect(await validateFacturXXsd(xml)).toEqual({ valid: true, errors: [] });
    expect(commission.document.sellerPa).toBeUndefined();

    await registerInDirectory(fake, service.document.buyer.siren, commission.document.buyer.siren);
    await runQueuedJobs(["einvoice_submit"]);
    expect(await transmissionOf(service.id)).toMatchObject({ state: "not_transmitted", skipReason: "seller_pa" });
    expect(fake.flows.some((f) => f.trackingId === service.id)).toBe(false);
    expect(await transmissionOf(commission.id)).toMatchObject({ state: "submitted" });
    expect((await einvoiceDisplays([service.id])).get(service.id)).toEqual({ kind: "seller_pa" });
    // No payment data through Compagnon: the expert's PA reports it.
    expect(await db.select().from(einvoiceReports).where(eq(einvoiceReports.invoiceId, service.id))).toEqual([]);

    const [mail] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, contract.expert.email), like(emailOutbox.subject, "%plateforme agréée%")));
    expect(mail?.text).toContain("/invoices");
    const reminders = await db.select().from(notifications).where(eq(notifications.userId, contract.expert.id));
    expect(reminders.some((n) => n.template === "payment-event" && n.link === "/invoices")).toBe(true);
  });

  it("invoices issued before the switch keep Compagnon's PA; the choice applies to the next ones", async () => {
    configurePa(holder.pa);
    const { service, contract } = await releasedMilestone();
    expect(service.document.sellerPa ?? null).toBeNull();
    expect((await saveMyEinvoicingSettings(contract.expert, OWN)).ok).toBe(true);
    const [profile] = await db.select({ channel: expertProfiles.einvoicingChannel }).from(expertProfiles).where(eq(expertProfiles.userId, contract.expert.id));
    expect(profile?.channel).toBe("own_pa");
    await registerInDirectory(holder.pa, service.document.buyer.siren);
    await runQueuedJobs(["einvoice_submit"]);
    expect(await transmissionOf(service.id)).toMatchObject({ state: "submitted" });
  });
});
