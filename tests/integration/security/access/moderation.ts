/** Notices, moderation decisions and complaints (DSA art. 16, 17 and 20). */
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { statementsOfReasons } from "@/db/schema";
import { suspendUser } from "@/lib/accounts/suspension";
import { fileComplaint } from "@/lib/moderation/complaints";
import { fileReportComplaint } from "@/lib/moderation/report-complaints";
import { decideReport, submitReport } from "@/lib/moderation/reports";
import { makeUser } from "../../../helpers/factories";
import type { World } from "../action-world";
import { everyone } from "./people";
import { access, type ActionAccess } from "./types";

const notice = (jobId: string) => ({
  targetType: "job" as const,
  targetId: jobId,
  reason: "fraud" as const,
  explanation: "Cette annonce demande un paiement d'avance hors plateforme.",
  location: `/jobs/${jobId}`,
  name: "Rita Reporter",
  email: "rita@example.test",
  goodFaith: true as const,
});

async function openReport(world: World): Promise<{ reportId: string }> {
  const submitted = await submitReport(null, notice(world.contract.jobId), { ip: null, locale: "fr" });
  if (!submitted.ok) throw new Error(`report not submitted: ${submitted.error}`);
  return submitted.value;
}

/** Another admin (not the world's) removed the demo organisation's need: a statement for its owner. */
async function removedNeed(world: World): Promise<{ statementId: string }> {
  const { reportId } = await openReport(world);
  const decided = await decideReport(await makeUser("admin"), { reportId, outcome: "removed", note: "Paiement hors plateforme demandé.", ground: "terms_payment" });
  if (!decided.ok || !decided.value.statementId) throw new Error("report not decided");
  return { statementId: decided.value.statementId };
}

/** Another admin suspended a fresh account, which contested it. */
async function contestedSuspension(): Promise<{ complaintId: string }> {
  const person = await makeUser("client");
  await suspendUser(await makeUser("admin"), { userId: person.id, reason: "Annonces frauduleuses répétées." });
  const [statement] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.userId, person.id));
  const filed = await fileComplaint(person, { statementId: statement!.id, body: "Mon compte avait été piraté, ce n'était pas moi." });
  if (!filed.ok) throw new Error(`complaint not filed: ${filed.error}`);
  return filed.value;
}

/** The other expert reported the demo need, signed in; another admin (not the world's) kept it. */
async function keptReport(world: World): Promise<{ reportId: string }> {
  const submitted = await submitReport(world.people.otherExpert, notice(world.contract.jobId), { ip: null, locale: "fr" });
  if (!submitted.ok) throw new Error(`report not submitted: ${submitted.error}`);
  const decided = await decideReport(await makeUser("admin"), { reportId: submitted.value.reportId, outcome: "kept", note: "Rien d'illicite dans cette annonce." });
  if (!decided.ok) throw new Error("report not decided");
  return submitted.value;
}

/** That reporter contested the decision. */
async function contestedKeptReport(world: World): Promise<{ complaintId: string }> {
  const { reportId } = await keptReport(world);
  const filed = await fileReportComplaint(world.people.otherExpert, { reportId, body: "L'annonce demande bien un virement direct avant tout travail." });
  if (!filed.ok) throw new Error(`complaint not filed: ${filed.error}`);
  return filed.value;
}

export const MODERATION_ACTIONS: Record<string, ActionAccess> = {
  "app/report/actions.ts#reportAction": access({
    ok: everyone,
    together: true,
    note: "public: anyone reports content (DSA art. 16), under the per-address and per-IP limits",
    form: ({ world, who }) => ({ ...notice(world.contract.jobId), email: `report.${who.toLowerCase()}@example.test`, goodFaith: "on" }),
  }),
  "app/admin/reports/actions.ts#decideReportAction": access<{ reportId: string }>({
    ok: ["admin"],
    prepare: openReport,
    form: ({ prepared }) => ({ reportId: prepared.reportId, outcome: "kept", note: "Rien d'illicite dans cette annonce.", ground: "" }),
  }),
  "app/admin/reports/actions.ts#decideComplaintAction": access<{ complaintId: string }>({
    ok: ["admin"],
    note: "an admin other than the one who decided (the same one is refused: tests/integration/moderation)",
    prepare: contestedSuspension,
    form: ({ prepared }) => ({ complaintId: prepared.complaintId, outcome: "upheld", answer: "Les journaux de connexion ne montrent aucun piratage." }),
  }),
  "app/decisions/[id]/actions.ts#fileComplaintAction": access<{ statementId: string }>({
    ok: ["clientOwner"],
    note: "the person the decision concerns (here the need's author); the emailed key is tested in tests/integration/moderation",
    prepare: removedNeed,
    form: ({ prepared }) => ({ statementId: prepared.statementId, body: "Ce paiement d'avance était un acompte prévu au contrat." }),
  }),
  "app/decisions/[id]/actions.ts#liftRestrictionAction": access<{ statementId: string }>({
    ok: ["admin"],
    note: "an admin lifts a restriction by hand (re-publication, reinstatement, release); the decision is marked reversed",
    prepare: removedNeed,
    form: ({ prepared }) => ({ statementId: prepared.statementId, reason: "Vérification faite : acompte prévu au contrat." }),
  }),
  "app/reports/[id]/actions.ts#fileReportComplaintAction": access<{ reportId: string }>({
    ok: ["otherExpert"],
    note: "the reporter, signed in (here the other expert); the emailed key of an anonymous reporter is tested in tests/integration/moderation",
    prepare: keptReport,
    form: ({ prepared }) => ({ reportId: prepared.reportId, body: "L'annonce demande bien un virement direct avant tout travail." }),
  }),
  "app/admin/reports/actions.ts#decideReportComplaintAction": access<{ complaintId: string }>({
    ok: ["admin"],
    note: "an admin other than the one who decided the report (the same one is refused: tests/integration/moderation)",
    prepare: contestedKeptReport,
    form: ({ prepared }) => ({ complaintId: prepared.complaintId, outcome: "reversed", answer: "Le virement direct demandé enfreint les conditions.", newOutcome: "removed", ground: "terms_payment" }),
  }),
};
