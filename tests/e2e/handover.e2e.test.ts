import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { before, confirmAccessRevoked, deliverHandoverPack, deliverMilestone, downloadHandoverPack, fill } from "./pages/ContractFlows";
import { acceptContractDocuments, fundNextMilestone, mailboxSubjects, postNeed, sendBid } from "./pages/JobFlows";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const runs = [
  { lang: "fr", locale: "fr-FR", t: fr, title: "Installer Nextcloud pour la boulangerie" },
  { lang: "en", locale: "en-US", t: en, title: "Install Nextcloud for the bakery" },
] as const;

describe.skipIf(!e2eEnabled).each(runs)("an installation handed over ($lang)", ({ lang, locale, t, title }) => {
  it("the expert records accesses and delivers the pack at the last milestone; the client answers for each access and downloads the PDF", async () => {
    const h = t.handover;
    const c = t.contracts;
    const client = await newVisitor(locale);
    const page = client.page;
    await new SignInFlow(page).signIn(demoAccounts.clientOwner.email);
    await page.waitForURL(/\/dashboard/);
    const jobPath = await postNeed(page, t, { title, description: "Un serveur Nextcloud pour partager les fichiers entre nos deux boutiques, avec sauvegardes.", secret: "Serveur actuel : nas.interne" });

    const sophie = await newVisitor(locale);
    const sp = sophie.page;
    await new SignInFlow(sp).signIn(demoAccounts.expertSophie.email, jobPath);
    await sendBid(sp, t, jobPath, { total: "2400", milestone: "Installation", method: "Installation de Nextcloud sur un VPS, sauvegardes BorgBackup chiffrées, VPN WireGuard entre les deux boutiques." });

    await page.goto(`${baseUrl}${jobPath}/bids`);
    const card = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: c.acceptBidButton }) }).filter({ hasText: demoAccounts.expertSophie.name });
    await card.getByLabel(new RegExp(before(c.acceptBidConfirm, "{expert}"))).check();
    await card.getByRole("button", { name: c.acceptBidButton }).click();
    await page.waitForURL(/\/contracts\/[0-9a-f-]+$/);
    const contractPath = new URL(page.url()).pathname;
    for (const p of [page, sp]) await acceptContractDocuments(p, t, contractPath);
    await fundNextMilestone(page, t, contractPath);

    // The expert records two accesses from the contract's page; a password is refused and the text kept.
    await sp.goto(`${baseUrl}${contractPath}`);
    await sp.getByRole("link", { name: h.openHandover }).click();
    await sp.waitForURL(/\/handover$/);
    await sp.getByLabel(h.label).fill("root password: Boulange2026!");
    await sp.getByLabel(h.holder).fill("Sophie Bernard");
    await sp.getByRole("button", { name: h.record }).click();
    await sp.getByText(t.validation.secretRefused).waitFor();
    expect(await sp.getByLabel(h.holder).inputValue()).toBe("Sophie Bernard");
    await sp.getByLabel(h.label).fill("ssh deploy@srv1.boulangerie.example");
    await sp.getByRole("button", { name: h.record }).click();
    await sp.getByRole("rowheader", { name: "ssh deploy@srv1.boulangerie.example" }).waitFor();
    // The second one by keyboard only: the kind chosen with the arrows, the form sent with Enter.
    await sp.getByLabel(h.kind).focus();
    await sp.keyboard.press("ArrowDown");
    await sp.keyboard.press("ArrowDown");
    await sp.getByLabel(h.label).focus();
    await sp.keyboard.type("WireGuard wg0, Sophie’s laptop");
    await sp.keyboard.press("Tab");
    await sp.keyboard.type("Sophie Bernard");
    await sp.keyboard.press("Enter");
    const vpnRow = sp.getByRole("row").filter({ has: sp.getByRole("rowheader", { name: "WireGuard wg0, Sophie’s laptop" }) });
    await vpnRow.getByText(h.kind_vpn_key).waitFor();

    // The expert delivers the milestone: the last one waits for the pack before any automatic approval.
    await deliverMilestone(sp, t, contractPath, "Nextcloud installé, sauvegardes testées, VPN en place entre les deux boutiques.");
    await sp.getByText(h.awaitsPack).waitFor();

    // The pack, with a diagram, both accesses listed to revoke.
    await deliverHandoverPack(
      sp,
      t,
      contractPath,
      {
        architecture: "srv1 (Debian 12, VPS) : Nextcloud 29.0.4, PostgreSQL 15, Caddy 2.7 ; WireGuard 1.0 entre les boutiques.",
        diagram: { name: "reseau.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% schema\n%%EOF\n") },
        revoke: [/ssh deploy@srv1/, /WireGuard wg0/],
      },
      () => sophie.screenshot(`${lang}-95-handover-pack-form`),
    );
    // The page now shows the pack as delivered, with its PDF.
    expect(await mailboxSubjects(page, demoAccounts.clientOwner.email)).toContain(fill(t.emails.handoverEvent.packDelivered.subject, { job: title }));

    // The client confirms the SSH access revoked and keeps the VPN key (by keyboard), then downloads the PDF.
    await page.goto(`${baseUrl}${contractPath}/handover`);
    await page.getByText(h.decisionsHeading).waitFor();
    await confirmAccessRevoked(page, t, "ssh deploy@srv1.boulangerie.example");
    await page.getByRole("button", { name: fill(h.keep, { label: "WireGuard wg0, Sophie’s laptop" }) }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("row").filter({ hasText: "WireGuard wg0" }).getByText(new RegExp(before(h.statusKept, "{date}"))).waitFor();
    await client.screenshot(`${lang}-96-handover-client`);
    const expertMail = await mailboxSubjects(page, demoAccounts.expertSophie.email);
    expect(expertMail).toContain(fill(t.emails.handoverEvent.accessRevoked.subject, { job: title }));
    expect(expertMail).toContain(fill(t.emails.handoverEvent.accessKept.subject, { job: title }));

    await page.goto(`${baseUrl}${contractPath}`);
    await client.screenshot(`${lang}-97-handover-documents`);
    const pdf = await downloadHandoverPack(page, t, lang, contractPath);
    expect(pdf.status).toBe(200);
    expect(pdf.disposition).toContain(lang === "fr" ? "dossier-de-remise-fr.pdf" : "handover-pack-en.pdf");
    writeFileSync(path.resolve(import.meta.dirname, "screenshots", `${lang}-97-handover-pack.pdf`), pdf.bytes);
    const text = pdf.text;
    expect(text).toContain(h.pdf.title);
    expect(text).toContain("Nextcloud 29.0.4");
    expect(text).toContain(fill(h.pdf.diagramFile, { name: "reseau.pdf" }));
    expect(text).toContain(before(h.statusKept, "{date}").trim());
    expect(await sp.request.get(`${baseUrl}${pdf.href}`).then((r) => r.status())).toBe(200);

    for (const v of [client, sophie]) expect(foreignRequests(v)).toEqual([]);
    for (const v of [client, sophie]) await v.context.close();
  });
});
