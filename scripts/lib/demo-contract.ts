/**
 * Demo data made through the real use cases: Claire's need for encrypted backups, Sophie's
 * accepted bid, and the contract both accepted (NDA), ready for its first milestone to be
 * funded in payment test mode. Sophie has accepted the billing mandate; her payouts are not on.
 */
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { catalogSoftware, users } from "@/db/schema";
import { demoAccounts } from "@/db/seed/seed";
import type { Actor } from "@/lib/auth/actor";
import { submitBid } from "@/lib/bids/expert-bids";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { acceptContractDocument } from "@/lib/contracts/documents-acceptance";
import { acceptBillingMandate } from "@/lib/invoicing/mandate";
import { createJobDraft, publishJob, saveJobStep } from "@/lib/jobs/manage-jobs";

export const demoContractTitle = "Sauvegardes chiffrées et partage de fichiers";

async function actor(email: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo user ${email} missing`);
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}

function must<T extends { ok: boolean }>(result: T, what: string): T & { ok: true } {
  if (!result.ok) throw new Error(`demo contract: ${what} refused: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

export async function seedDemoContract(): Promise<void> {
  const claire = await actor(demoAccounts.clientOwner.email);
  const sophie = await actor(demoAccounts.expertSophie.email);
  const software = await db.select({ id: catalogSoftware.id, slug: catalogSoftware.slug }).from(catalogSoftware);
  const softwareIds = software.filter((s) => s.slug === "nextcloud" || s.slug === "borgbackup").map((s) => s.id);

  const { jobId } = must(await createJobDraft(claire), "draft").value;
  const steps: [1 | 2 | 3 | 4 | 5 | 6, Record<string, unknown>][] = [
    [1, { kind: "installation" }],
    [2, { helpMeChoose: false, softwareIds }],
    [3, { personalData: false }],
    [4, { budgetType: "fixed", budgetMinEuros: 1500, budgetMaxEuros: 3000 }],
    [5, { remote: true, startOn: "2027-01-11", deadlineOn: "2027-03-31" }],
    [
      6,
      {
        title: demoContractTitle,
        description: "Nos deux boutiques partagent leurs devis par clé USB. Nous voulons un partage de fichiers hébergé en France et des sauvegardes chiffrées chaque nuit.",
        confidentialDetails: "Serveur actuel : NAS Synology dans l’arrière-boutique de Lyon 3e, accès administrateur remis à la signature.",
      },
    ],
  ];
  for (const [step, data] of steps) must(await saveJobStep(claire, { jobId, step, data }), `step ${step}`);
  must(await publishJob(claire, { jobId }), "publication");

  const { bidId } = must(
    await submitBid(sophie, {
      jobId,
      pricing: "fixed",
      total: "2000",
      durationDays: 30,
      startOn: "2027-01-11",
      method:
        "Audit du NAS actuel, installation de Nextcloud sur un VPS en France, sauvegardes BorgBackup chiffrées chaque nuit avec une copie hors site, puis une demi-journée de formation dans chaque boutique.",
      milestones: [
        { title: "Audit et installation de Nextcloud", amount: "900", dueOn: "2027-01-25" },
        { title: "Sauvegardes chiffrées", amount: "600", dueOn: "2027-02-08" },
        { title: "Formation des équipes", amount: "500", dueOn: "2027-02-22" },
      ],
    }),
    "bid",
  ).value;
  // Sophie has no payout account yet (she connects one in test mode): Claire is told and accepts anyway.
  const { contractId } = must(await acceptBid(claire, { acceptNotReady: true, bidId }), "acceptance").value;
  must(await acceptContractDocument(claire, { contractId, kind: "nda" }), "client NDA");
  must(await acceptContractDocument(sophie, { contractId, kind: "nda" }), "expert NDA");
  must(
    await acceptBillingMandate(sophie, { legalName: "Libre Conseil EURL", addressLine1: "8 quai Saint-Vincent", postalCode: "69001", city: "Lyon", confirm: "yes" }),
    "billing mandate",
  );
}
