import type { Page } from "playwright-core";
import { extractText } from "unpdf";
import type fr from "@/messages/fr.json";
import { baseUrl } from "../support/browser";

type Messages = typeof fr;

/** The part of a message template before its `{placeholder}`. */
export const before = (template: string, placeholder: string) => template.slice(0, template.indexOf(placeholder));
/** A message template with its placeholders replaced. */
export const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

/**
 * The contract's page once the funding is confirmed (the payment's webhook goes through the
 * worker): the expert's page shows the delivery form. A page loaded before that does not change
 * by itself, so it is loaded again until then (up to a minute: the worker may be slow on a busy machine).
 */
export async function openFundedContract(page: Page, t: Messages, contractPath: string) {
  await page.goto(`${baseUrl}${contractPath}`);
  const note = page.getByLabel(t.payments.deliveryNote);
  const deadline = Date.now() + 60_000;
  while (!(await note.isVisible())) {
    if (Date.now() > deadline) throw new Error(`${contractPath}: the funding was not confirmed within a minute`);
    await page.waitForTimeout(1_000);
    await page.reload();
  }
}

/** Page object: the expert delivers the contract's funded milestone (waits for the funding to be confirmed). */
export async function deliverMilestone(page: Page, t: Messages, contractPath: string, note: string) {
  await openFundedContract(page, t, contractPath);
  await page.getByLabel(t.payments.deliveryNote).fill(note);
  await page.getByRole("button", { name: t.payments.markDelivered }).click();
  await page.getByText(t.payments.done_delivered).waitFor();
}

/** Page object: the client confirms and approves the delivered milestone. */
export async function approveMilestone(page: Page, t: Messages, contractPath: string) {
  await page.goto(`${baseUrl}${contractPath}`);
  await page.getByLabel(new RegExp(before(t.payments.approveConfirm, "{amount}"))).check();
  await page.getByRole("button", { name: t.payments.approve }).click();
  await page.getByText(t.payments.done_approved).waitFor();
}

/** Page object: the expert records an access in the contract's register, reached from the contract's page. */
export async function recordAccess(page: Page, t: Messages, contractPath: string, access: { label: string; holder: string }) {
  const h = t.handover;
  await page.goto(`${baseUrl}${contractPath}`);
  await page.getByRole("link", { name: h.openHandover }).click();
  await page.waitForURL(/\/handover$/);
  await page.getByLabel(h.label).fill(access.label);
  await page.getByLabel(h.holder).fill(access.holder);
  await page.getByRole("button", { name: h.record }).click();
  await page.getByRole("rowheader", { name: access.label }).waitFor();
}

export interface HandoverPack {
  architecture: string;
  /** The accesses ticked "to revoke", matched by their label. */
  revoke: RegExp[];
  diagram?: { name: string; mimeType: string; buffer: Buffer };
}

/** Page object: the expert fills the handover pack and delivers it; the page then shows it delivered. */
export async function deliverHandoverPack(page: Page, t: Messages, contractPath: string, pack: HandoverPack, beforeDeliver?: () => Promise<void>) {
  const h = t.handover;
  await page.goto(`${baseUrl}${contractPath}/handover`);
  await page.getByLabel(h.architecture).fill(pack.architecture);
  if (pack.diagram) await page.getByLabel(h.diagram).setInputFiles(pack.diagram);
  await page.getByLabel(h.backups).fill("BorgBackup chaque nuit vers backup.boulangerie.example (autre hébergeur).");
  await page.getByLabel(h.restoreProcedure).fill("borg extract de la dernière archive, puis pg_restore de la base Nextcloud.");
  await page.getByLabel(h.lastRestoreTestOn).fill("2026-11-30");
  await page.getByLabel(h.adminAccounts).fill("Compte admin Nextcloud « claire » remis à Claire Martin.");
  await page.getByLabel(h.updateProcedure).fill("unattended-upgrades pour Debian ; occ upgrade après lecture des notes de version.");
  for (const label of pack.revoke) await page.getByLabel(label).check();
  await beforeDeliver?.();
  await page.getByRole("button", { name: h.deliver }).click();
  await page.getByText(new RegExp(before(h.packDeliveredOn, "{date}"))).waitFor();
}

/** Page object: the client confirms an access revoked, on the contract's handover page (already open). */
export async function confirmAccessRevoked(page: Page, t: Messages, label: string) {
  const h = t.handover;
  await page.getByRole("button", { name: fill(h.confirmRevoked, { label }) }).click();
  await page.getByRole("row").filter({ hasText: label }).getByText(new RegExp(before(h.statusRevoked, "{date}"))).waitFor();
}

/** Page object: a side downloads the handover pack PDF from the contract's documents; returns its href, bytes and text. */
export async function downloadHandoverPack(page: Page, t: Messages, lang: "fr" | "en", contractPath: string) {
  const h = t.handover;
  await page.goto(`${baseUrl}${contractPath}`);
  const documents = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: t.contracts.document_handover }) });
  const href = (await documents.getByRole("link", { name: fill(h.pdfLink, { language: h[`language_${lang}`] }) }).getAttribute("href")) ?? "";
  const response = await page.request.get(`${baseUrl}${href}`);
  const bytes = new Uint8Array(await response.body());
  const text = response.status() === 200 ? (await extractText(bytes.slice(), { mergePages: true })).text.replace(/\s+/g, " ") : "";
  return { href, status: response.status(), disposition: response.headers()["content-disposition"] ?? "", bytes, text };
}

/** Page object: an expert gives the billing mandate (business identity) on its page; back on the payouts page. */
export async function giveBillingMandate(page: Page, t: Messages, identity: { legalName: string; address: string; postalCode: string; city: string }) {
  const m = t.billingMandate;
  await page.getByRole("heading", { level: 1, name: m.title }).waitFor();
  await page.getByLabel(m.legalName, { exact: true }).fill(identity.legalName);
  await page.getByLabel(m.addressLine1, { exact: true }).fill(identity.address);
  await page.getByLabel(m.postalCode, { exact: true }).fill(identity.postalCode);
  await page.getByLabel(m.city, { exact: true }).fill(identity.city);
  await page.getByLabel(m.confirm).check();
  await page.getByRole("button", { name: m.submit }).click();
  await page.waitForURL(/\/expert\/payouts\?mandate=1/);
}
