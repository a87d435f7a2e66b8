import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contentReports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { listMyReports } from "@/lib/moderation/my-reports";
import { fileReportComplaint } from "@/lib/moderation/report-complaints";
import { decideReport, submitReport } from "@/lib/moderation/reports";
import { anonymiseOldReports } from "@/lib/moderation/retention";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

let reporter: Actor;
let otherUser: Actor;
let admin: Actor;
let jobId: string;

async function report(actor: Actor | null, explanation: string): Promise<string> {
  const submitted = await submitReport(
    actor,
    { targetType: "job", targetId: jobId, reason: "fraud", explanation, location: `/jobs/${jobId}`, name: actor ? "" : "Vera Visiteuse", email: actor ? "" : "anonyme@example.test", goodFaith: true },
    { ip: null, locale: "fr" },
  );
  if (!submitted.ok) throw new Error(submitted.error);
  return submitted.value.reportId;
}

let decidedId: string;
let openId: string;
let adminOwnId: string;

beforeAll(async () => {
  const client = await makeUser("client");
  await makeOrganization(client);
  jobId = await makeJob(client, { title: "Installer Dolibarr my-reports" });
  reporter = await makeUser("expert");
  otherUser = await makeUser("client");
  admin = { ...(await makeUser("admin")), secondFactor: "totp" as const };
  decidedId = await report(reporter, "Paiement d'avance demandé par virement hors plateforme.");
  const decided = await decideReport(admin, { reportId: decidedId, outcome: "kept", note: "Rien d'illicite : acompte prévu au contrat." });
  if (!decided.ok) throw new Error(decided.error);
  const filed = await fileReportComplaint(reporter, { reportId: decidedId, body: "Je maintiens que ce virement direct est une escroquerie." });
  if (!filed.ok) throw new Error(filed.error);
  openId = await report(reporter, "Les coordonnées bancaires sont données dans l'annonce.");
  adminOwnId = await report(admin, "Annonce en double, signalée par un administrateur.");
  await report(null, "Signalement d'un visiteur sans compte, sans lien avec un compte.");
}, 60_000);

describe("listMyReports (Mes signalements)", () => {
  it("gives the reporter their own reports, newest first, with their state and their complaint's", async () => {
    const mine = await listMyReports(db, reporter);
    expect(mine.map((row) => row.id)).toEqual([openId, decidedId]);
    expect(mine[0]).toMatchObject({ targetType: "job", reason: "fraud", status: "open", decidedAt: null, complaintStatus: null });
    expect(mine[1]).toMatchObject({ status: "kept", complaintStatus: "open" });
    expect(mine[1]!.decidedAt).toBeInstanceOf(Date);
    // Nothing personal or about the content: the report's page shows that to its reporter.
    expect(Object.keys(mine[0]!).sort()).toEqual(["complaintStatus", "createdAt", "decidedAt", "id", "reason", "status", "targetType"]);
  });

  it("gives another user none of them", async () => {
    expect(await listMyReports(db, otherUser)).toEqual([]);
  });

  it("gives an admin only the reports the admin made", async () => {
    expect((await listMyReports(db, admin)).map((row) => row.id)).toEqual([adminOwnId]);
  });

  it("refuses a visitor who is not signed in", async () => {
    const error = await listMyReports(db, null).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).code).toBe("unauthenticated");
  });

  it("drops a report once it is anonymised, 5 years after its decision", async () => {
    const [row] = await db.select().from(contentReports).where(eq(contentReports.id, decidedId));
    const clock = new Date(row!.decidedAt!);
    clock.setUTCFullYear(clock.getUTCFullYear() + 5);
    expect(await anonymiseOldReports(new Date(clock.getTime() + 1000))).toBe(1);
    expect((await listMyReports(db, reporter)).map((report) => report.id)).toEqual([openId]);
  });
});
