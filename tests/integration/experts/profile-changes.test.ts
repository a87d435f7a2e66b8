import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, expertProfiles, users, verificationRequests } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { submitBid } from "@/lib/bids/expert-bids";
import { getVettingDetail, getVettingQueue } from "@/lib/experts/admin-queries";
import { getPublicExpert } from "@/lib/experts/directory";
import { updateExpertProfile } from "@/lib/experts/profile";
import { getMyExpertProfile } from "@/lib/experts/queries";
import type { ExpertProfileInput } from "@/lib/experts/schemas";
import { decideVerification } from "@/lib/experts/vetting";
import { approval, completeProfileInput, makeCompleteExpert } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";
import { fixedBid } from "../bids/bid-helpers";

const NEW_SIRET = "81234567600017";
let admin: Actor;
let expert: Actor;
let profileId: string;
let slug: string;
let input: ExpertProfileInput;

const row = async () => (await db.select().from(expertProfiles).where(eq(expertProfiles.id, profileId)))[0];
const openRequests = () =>
  db.select().from(verificationRequests).where(and(eq(verificationRequests.profileId, profileId), isNull(verificationRequests.decidedAt)));
const mailSubjects = async () => {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, expert.id));
  return (await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, user?.email ?? ""))).map((m) => m.subject);
};

beforeEach(async () => {
  admin = await makeUser("admin");
  ({ actor: expert, profileId } = await makeCompleteExpert({ submit: true }));
  expect((await decideVerification(admin, { profileId, decision: "approve", ...approval })).ok).toBe(true);
  input = { ...(await completeProfileInput()), publicFields: ["bio", "legalForm"] };
  expect((await updateExpertProfile(expert, input)).ok).toBe(true);
  slug = (await row())?.slug ?? "";
});

describe("a verified expert edits reviewed fields (issue 12, item 6)", () => {
  it("keeps the approved version public and contractual while the vetting desk reviews the change; approval publishes it", async () => {
    const saved = await updateExpertProfile(expert, { ...input, siret: NEW_SIRET, legalForm: "sasu", dailyRateEuros: 620 });
    expect(saved).toEqual({ ok: true, value: { status: "verified", pendingReview: ["siret", "legalForm"] } });

    // The public page stays up with the approved legal form; the daily rate is not reviewed and applies at once.
    expect(await getPublicExpert(slug)).toMatchObject({ legalForm: "eurl", dailyRateCents: 62_000 });
    expect(await row()).toMatchObject({ status: "verified", siret: "81234567600009", legalForm: "eurl", dailyRateCents: 62_000 });
    // The expert may still bid, under the approved identity.
    const owner = await makeUser("client");
    await makeOrganization(owner);
    expect((await submitBid(expert, fixedBid(await makeJob(owner)))).ok).toBe(true);
    // The expert's own page shows what waits for review.
    expect((await getMyExpertProfile(expert))?.pendingChanges?.changes).toEqual({ siret: { from: "81234567600009", to: NEW_SIRET }, legalForm: { from: "eurl", to: "sasu" } });

    // The vetting desk sees the change, from which value to which.
    const queued = (await getVettingQueue(admin)).find((q) => q.id === profileId);
    expect(queued).toMatchObject({ changesOnly: true });
    expect((await getVettingDetail(admin, profileId))?.pendingChanges).toEqual({ siret: { from: "81234567600009", to: NEW_SIRET }, legalForm: { from: "eurl", to: "sasu" } });

    expect(await decideVerification(admin, { profileId, decision: "approve", ...approval })).toEqual({ ok: true, value: undefined });
    expect(await row()).toMatchObject({ status: "verified", siret: NEW_SIRET, legalForm: "sasu" });
    expect(await getPublicExpert(slug)).toMatchObject({ legalForm: "sasu" });
    expect(await openRequests()).toEqual([]);
    expect((await getVettingQueue(admin)).some((q) => q.id === profileId)).toBe(false);
    expect(await mailSubjects()).toContain("Vos modifications de profil sont validées");
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, profileId), eq(auditLog.action, "expert.changes_approved")));
    expect(audit).toMatchObject({ actorId: admin.id });
  });

  it("discards a refused change with its reason; the profile stays verified with the approved values", async () => {
    await updateExpertProfile(expert, { ...input, vatRegime: "franchise", vatNumber: undefined });
    expect((await getVettingDetail(admin, profileId))?.pendingChanges).toEqual({
      vatRegime: { from: "vat_registered", to: "franchise" },
      vatNumber: { from: "FR19812345676", to: null },
    });
    expect(await decideVerification(admin, { profileId, decision: "reject" })).toMatchObject({ ok: false, error: "invalid" }); // a reason is required
    expect(await decideVerification(admin, { profileId, decision: "reject", reason: "Votre attestation montre que vous êtes assujetti.", ground: "terms_accuracy" })).toEqual({ ok: true, value: undefined });
    expect(await row()).toMatchObject({ status: "verified", vatRegime: "vat_registered", vatNumber: "FR19812345676" });
    const [request] = await db.select().from(verificationRequests).where(and(eq(verificationRequests.profileId, profileId), eq(verificationRequests.decision, "rejected")));
    expect(request?.reason).toBe("Votre attestation montre que vous êtes assujetti.");
    expect(await mailSubjects()).toContain("Vos modifications de profil n’ont pas été validées");
  });

  it("replaces the change waiting when the expert edits again, and withdraws it when back to the approved values", async () => {
    await updateExpertProfile(expert, { ...input, siret: NEW_SIRET });
    await updateExpertProfile(expert, { ...input, siret: "81234567600025" });
    const open = await openRequests();
    expect(open.map((r) => r.changes)).toEqual([{ siret: { from: "81234567600009", to: "81234567600025" } }]);
    expect(await updateExpertProfile(expert, input)).toEqual({ ok: true, value: { status: "verified", pendingReview: [] } });
    expect(await openRequests()).toEqual([]);
    expect((await getMyExpertProfile(expert))?.pendingChanges).toBeNull();
    // Nothing waits: an admin has nothing to decide.
    expect(await decideVerification(admin, { profileId, decision: "approve", ...approval })).toEqual({ ok: false, error: "illegal_transition" });
  });

  it("lets only admins decide on a change", async () => {
    await updateExpertProfile(expert, { ...input, siret: NEW_SIRET });
    for (const actor of [expert, await makeUser("client"), null]) {
      await expect(decideVerification(actor, { profileId, decision: "approve", ...approval })).rejects.toBeInstanceOf(PolicyError);
    }
    expect((await row())?.siret).toBe("81234567600009");
  });
});
