import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, ledgerEntries, statementsOfReasons, transfers } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { decideComplaint, fileComplaint } from "@/lib/moderation/complaints";
import { getMyPayouts } from "@/lib/payments/payouts";
import { sendTransfer } from "@/lib/payments/transfers";
import { releaseWithheldPayout, withholdPayout } from "@/lib/payments/withholding";
import { listUnsentPayouts } from "@/lib/payments/withholding-queries";
import { makeUser } from "../../helpers/factories";
import { setUpFakeStripe } from "../../helpers/fake-stripe-env";
import { runQueuedJobs } from "../../helpers/worker";

const { stripe, transferToSend } = setUpFakeStripe();

const transferOf = async (id: string) => (await db.select().from(transfers).where(eq(transfers.id, id)))[0]!;
const transferCalls = (transferId: string) => stripe().requests.filter((r) => r.method === "POST" && r.path === "/v1/transfers" && r.idempotencyKey === `transfer:${transferId}`);
const postings = (transferId: string) => db.select().from(ledgerEntries).where(and(eq(ledgerEntries.sourceId, transferId), eq(ledgerEntries.kind, "transfer")));
const withholding = (transferId: string) => ({ transferId, reason: "Soupçon de fraude à la carte sur le paiement du client, vérification en cours.", ground: "law_fraud" });

describe("withholding a payout (DSA art. 17)", () => {
  it("only an admin withholds, with reasons and a ground; nothing is sent while withheld; the release sends it once", async () => {
    const { transferId, expert, owner } = await transferToSend();
    const admin = await makeUser("admin");

    // Denied actors, and bad input kept out.
    await expect(withholdPayout(expert, withholding(transferId))).rejects.toThrow(new PolicyError("forbidden"));
    await expect(withholdPayout(owner, withholding(transferId))).rejects.toThrow(new PolicyError("forbidden"));
    await expect(withholdPayout(null, withholding(transferId))).rejects.toThrow(new PolicyError("unauthenticated"));
    expect(await withholdPayout(admin, { transferId, reason: "court", ground: "" })).toMatchObject({ ok: false, error: "invalid", fields: { reason: "decisionReason", ground: "groundRequired" } });
    expect(await withholdPayout(admin, { ...withholding(transferId), transferId: crypto.randomUUID() })).toEqual({ ok: false, error: "not_found" });
    expect((await transferOf(transferId)).withheldAt).toBeNull();

    const withheld = await withholdPayout(admin, withholding(transferId));
    if (!withheld.ok) throw new Error(withheld.error);
    expect(await withholdPayout(admin, withholding(transferId))).toEqual({ ok: false, error: "already_withheld" });
    const [statement] = await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, withheld.value.statementId));
    expect(statement).toMatchObject({ userId: expert.id, restriction: "payout_withheld", subjectType: "transfer", subjectId: transferId, ground: "law_fraud", decidedById: admin.id, reversedAt: null });

    // The expert is told by email (and in the app: the email's notification, the payouts page) with the ground and the way to contest.
    const [mail] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, expert.email), eq(emailOutbox.template, "moderation-event")));
    expect(mail?.text).toContain("versement retenu");
    expect(mail?.text).toContain("Loi — fraude ou escroquerie");
    expect(mail?.text).toContain("contester");
    expect(mail?.text).toContain(`/decisions/${statement!.id}?key=`);
    const mine = await getMyPayouts(expert);
    expect(mine.withheldCents).toBe((await transferOf(transferId)).amountCents);
    expect(mine.transfers.find((row) => row.id === transferId)).toMatchObject({ withheldAt: expect.any(Date), withholdingStatementId: statement!.id });
    expect((await listUnsentPayouts(admin)).find((row) => row.id === transferId)).toMatchObject({ statementId: statement!.id });
    await expect(listUnsentPayouts(expert)).rejects.toThrow(new PolicyError("forbidden"));

    // The worker (the queued job, then a direct retry) sends nothing: no call, no ledger posting.
    await runQueuedJobs(["send_transfer"]);
    expect(await sendTransfer(transferId)).toBe("withheld");
    expect(transferCalls(transferId)).toHaveLength(0);
    expect(await transferOf(transferId)).toMatchObject({ status: "pending", requestedAt: null, stripeTransferId: null });
    expect(await postings(transferId)).toHaveLength(0);

    // Release: admin only, with reasons; the statement is marked lifted; the queued job sends it, once.
    await expect(releaseWithheldPayout(expert, { transferId, reason: "Je libère mon propre versement." })).rejects.toThrow(new PolicyError("forbidden"));
    expect(await releaseWithheldPayout(admin, { transferId, reason: "court" })).toMatchObject({ ok: false, fields: { reason: "decisionReason" } });
    expect((await releaseWithheldPayout(admin, { transferId, reason: "Paiement du client confirmé par la banque." })).ok).toBe(true);
    expect(await releaseWithheldPayout(admin, { transferId, reason: "Paiement du client confirmé par la banque." })).toEqual({ ok: false, error: "not_withheld" });
    expect((await db.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, statement!.id)))[0]).toMatchObject({ reversedAt: expect.any(Date), reversal: "reinstated" });
    await runQueuedJobs(["send_transfer"]);
    const sent = await transferOf(transferId);
    expect(sent).toMatchObject({ status: "sent", withheldAt: null, stripeTransferId: expect.any(String) });
    expect(transferCalls(transferId)).toHaveLength(1);
    expect((await postings(transferId)).length).toBeGreaterThan(0);
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, transferId));
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(["transfer.withheld", "transfer.withholding_released", "transfer.sent"]));

    // Once sent (or asked of the provider), a payout can no longer be withheld.
    expect(await withholdPayout(admin, withholding(transferId))).toEqual({ ok: false, error: "not_withholdable" });
  });

  it("the expert contests the withholding; a second admin reverses it and the payout goes out", async () => {
    const { transferId, expert } = await transferToSend();
    const [first, second] = [await makeUser("admin"), await makeUser("admin")];
    const withheld = await withholdPayout(first, withholding(transferId));
    if (!withheld.ok) throw new Error(withheld.error);
    const filed = await fileComplaint(expert, { statementId: withheld.value.statementId, body: "Le client a bien payé : voici le relevé bancaire, rien d'anormal." });
    if (!filed.ok) throw new Error(filed.error);
    expect(await decideComplaint(first, { complaintId: filed.value.complaintId, outcome: "reversed", answer: "Je lève ma propre décision." })).toEqual({ ok: false, error: "same_admin" });
    expect((await decideComplaint(second, { complaintId: filed.value.complaintId, outcome: "reversed", answer: "Relevé probant : la retenue est levée." })).ok).toBe(true);
    expect((await transferOf(transferId)).withheldAt).toBeNull();
    await runQueuedJobs(["send_transfer"]);
    expect(await transferOf(transferId)).toMatchObject({ status: "sent" });
    expect(transferCalls(transferId)).toHaveLength(1);
  });

  it("a payout already asked of the provider cannot be withheld (it may exist there)", async () => {
    const { transferId } = await transferToSend();
    await db.update(transfers).set({ requestedAt: new Date() }).where(eq(transfers.id, transferId));
    expect(await withholdPayout(await makeUser("admin"), withholding(transferId))).toEqual({ ok: false, error: "not_withholdable" });
  });
});
