import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import {
  attachments,
  auditLog,
  billingMandates,
  bids,
  emailOutbox,
  evidenceFiles,
  expertProfiles,
  expertReferences,
  expertSkills,
  invoices,
  jobs,
  messages,
  organizationInvitations,
  organizationMembers,
  organizations,
  payoutAccounts,
  sessions,
  users,
  verificationTokens,
} from "@/db/schema";
import { eraseAccount, ERASED_DISPLAY_NAME, ERASED_MESSAGE_BODY, erasedEmail, getMyAccount } from "@/lib/accounts/erase";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { allowSignInRequest } from "@/lib/auth/sign-in-request";
import { submitBid } from "@/lib/bids/expert-bids";
import { postMessage } from "@/lib/conversations/messages";
import { directoryFiltersSchema, getPublicExpert, searchExperts } from "@/lib/experts/directory";
import { uploadPhoto } from "@/lib/experts/photo";
import { refreshSearchText } from "@/lib/experts/profile";
import { inviteMember } from "@/lib/organizations/invitations";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { getFile } from "@/lib/storage/files";
import { fixedBidInput, makeBid, makeVerifiedExpert } from "../../helpers/bids";
import { enablePayouts, fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { pdfBytes } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";
import { runQueuedJobs } from "../../helpers/worker";

const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const oneMilestone = { total: "500", milestones: [{ title: "Tout", amount: "500", dueOn: "2027-01-30" }] };
const signInBucket = (email: string) => `signin:email:${createHash("sha256").update(email).digest("hex").slice(0, 32)}`;

/** Every column of the contract's invoices, with the row version: a single UPDATE would change xmin. */
const invoiceRows = (contractId: string) =>
  db.execute<{ id: string; xmin: string; document: string; full: string }>(
    sql`select i.id, i.xmin::text as xmin, i.document::text as document, to_jsonb(i)::text as full from invoices i where contract_id = ${contractId} order by i.id`,
  );

/** A contract of one milestone funded, delivered, approved, paid out and invoiced (PDFs rendered). */
async function finishedContract() {
  const contract = await makeActiveContract({ bid: oneMilestone });
  const [milestoneId] = contract.milestoneIds as [string];
  await postMessage(contract.expert, { bidId: contract.bidId, body: "Bonjour, je passe mardi à 9 h pour l’installation.", file: { name: "planning.pdf", bytes: pdfBytes("planning") } });
  await postMessage(contract.owner, { bidId: contract.bidId, body: "Parfait, l’accueil vous attend." });
  await enablePayouts(contract.expert);
  await fundMilestone(contract.owner, milestoneId);
  const delivered = await markDelivered(contract.expert, { milestoneId, note: "Nextcloud installé, sauvegardes testées." });
  if (!delivered.ok) throw new Error(JSON.stringify(delivered));
  return { ...contract, milestoneId };
}

async function approveAndPay(owner: Actor, milestoneId: string) {
  expect((await approveMilestone(owner, { milestoneId })).ok).toBe(true);
  await runQueuedJobs(["send_transfer", "render_invoice"]);
}

async function openSession(userId: string) {
  await db.insert(sessions).values({ sessionToken: crypto.randomUUID(), userId, expires: new Date(Date.now() + 86_400_000) });
}

const userRow = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;

describe("eraseAccount: an expert", () => {
  it("anonymises the account, empties the profile, deletes files and traces, and leaves the invoices byte-identical", async () => {
    const { owner, expert, contractId, milestoneId, bidId } = await finishedContract();
    const profileId = expert.profileId;
    expect(await uploadPhoto(expert, { bytes: png() })).toEqual({ ok: true, value: undefined });
    const word = `zephyrin${Date.now().toString(36)}`;
    await db.update(expertProfiles).set({ headline: `Spécialiste ${word}` }).where(eq(expertProfiles.id, profileId));
    await refreshSearchText(db, profileId);
    const inDirectory = async () => (await searchExperts(directoryFiltersSchema.parse({ q: word }))).experts.map((e) => e.id);
    expect(await inDirectory()).toEqual([profileId]);
    const [before] = await db.select().from(expertProfiles).where(eq(expertProfiles.id, profileId));
    const fileKeys = [before!.photoKey!, ...(await db.select().from(evidenceFiles).where(eq(evidenceFiles.profileId, profileId))).map((e) => e.storageKey)];
    expect(fileKeys).toHaveLength(4);
    for (const key of fileKeys) expect((await getFile(key)).byteLength).toBeGreaterThan(0);
    const messageFiles = await db.select().from(attachments).where(eq(attachments.uploadedById, expert.id));
    expect(messageFiles).toHaveLength(1);

    // An open bid elsewhere, sign-in traces and an invitation to the address.
    const otherClient = await makeUser("client");
    const otherOrg = await makeOrganization(otherClient);
    const openBid = await submitBid(expert, fixedBidInput(await makeJob(otherClient)));
    if (!openBid.ok) throw new Error(JSON.stringify(openBid));
    await openSession(expert.id);
    await db.insert(verificationTokens).values({ identifier: expert.email, token: "t0k3n", expires: new Date(Date.now() + 600_000) });
    await allowSignInRequest({ email: expert.email, ip: null });
    expect(await db.execute(sql`select 1 from rate_limit_buckets where key = ${signInBucket(expert.email)}`)).toHaveLength(1);
    expect((await inviteMember(otherClient, { organizationId: otherOrg.id, email: expert.email, role: "member" })).ok).toBe(true);

    // Money in flight: delivered, then released but the transfer not yet sent.
    const confirm = { confirmEmail: expert.email };
    expect(await eraseAccount(expert, confirm)).toEqual({ ok: false, error: "money_in_flight" });
    expect((await approveMilestone(owner, { milestoneId })).ok).toBe(true);
    expect(await eraseAccount(expert, confirm)).toEqual({ ok: false, error: "money_in_flight" });
    await runQueuedJobs(["send_transfer", "render_invoice"]);

    const invoicesBefore = await invoiceRows(contractId);
    expect(invoicesBefore).toHaveLength(2); // the service invoice and the commission invoice
    const pdfKeys = (await db.select().from(invoices).where(eq(invoices.contractId, contractId))).map((i) => i.pdfKey!);
    expect(pdfKeys.every(Boolean)).toBe(true);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, expert.email))).not.toHaveLength(0);
    expect((await getMyAccount(expert)).blockers).toEqual([]);

    expect(await eraseAccount(expert, confirm)).toEqual({ ok: true, value: undefined });

    const user = await userRow(expert.id);
    expect(user).toMatchObject({ email: erasedEmail(expert.id), name: null, image: null, role: "expert", locale: expert.locale });
    expect(user.suspendedAt).toBeInstanceOf(Date); // Auth.js refuses a suspended account: no sign-in
    expect(await db.select().from(users).where(eq(users.email, expert.email))).toHaveLength(0);
    expect(await db.select().from(sessions).where(eq(sessions.userId, expert.id))).toHaveLength(0);
    expect(await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, expert.email))).toHaveLength(0);
    expect(await db.execute(sql`select 1 from rate_limit_buckets where key = ${signInBucket(expert.email)}`)).toHaveLength(0);
    expect(await db.select().from(organizationInvitations).where(eq(organizationInvitations.email, expert.email))).toHaveLength(0);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, expert.email))).toHaveLength(0);

    const [profile] = await db.select().from(expertProfiles).where(eq(expertProfiles.id, profileId));
    expect(profile).toMatchObject({
      displayName: ERASED_DISPLAY_NAME, headline: "", bio: "", links: {}, publicFields: [], photoKey: null, siret: null,
      vatNumber: null, insurer: null, insurancePolicyNumber: null, status: "suspended", searchText: "",
    });
    expect(profile!.slug).not.toBe(before!.slug);
    expect(await inDirectory()).toEqual([]);
    expect(await getPublicExpert(before!.slug)).toBeNull();
    expect(await db.select().from(expertSkills).where(eq(expertSkills.profileId, profileId))).toHaveLength(0);
    expect(await db.select().from(expertReferences).where(eq(expertReferences.profileId, profileId))).toHaveLength(0);
    expect(await db.select().from(evidenceFiles).where(eq(evidenceFiles.profileId, profileId))).toHaveLength(0);
    for (const key of fileKeys) await expect(getFile(key)).rejects.toThrow();
    expect((await db.select().from(bids).where(eq(bids.id, openBid.value.bidId)))[0]?.status).toBe("withdrawn");
    expect((await db.select().from(bids).where(eq(bids.id, bidId)))[0]?.status).toBe("accepted");
    expect(await db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, expert.id))).toHaveLength(0);
    // The mandate stays as proof of the invoices' mandate, without the identity.
    expect((await db.select().from(billingMandates).where(eq(billingMandates.userId, expert.id)))[0]).toMatchObject({
      legalName: "—", addressLine1: "—", addressLine2: null, postalCode: "—", city: "—",
    });

    const thread = await db.select().from(messages).where(eq(messages.authorId, expert.id));
    expect(thread.map((m) => m.body)).toEqual([ERASED_MESSAGE_BODY]);
    // The files the person sent with messages go with them.
    expect(await db.select().from(attachments).where(eq(attachments.uploadedById, expert.id))).toHaveLength(0);
    await expect(getFile(messageFiles[0]!.storageKey)).rejects.toThrow();
    expect((await db.select().from(messages).where(eq(messages.authorId, owner.id))).map((m) => m.body)).toEqual(["Parfait, l’accueil vous attend."]);

    // Invoices: same rows, same row versions (never updated, so the trigger never fired), same snapshot.
    const invoicesAfter = await invoiceRows(contractId);
    expect(invoicesAfter).toEqual(invoicesBefore);
    const service = (await db.select().from(invoices).where(and(eq(invoices.contractId, contractId), eq(invoices.role, "service"))))[0]!;
    expect(service.document.seller).toMatchObject({ name: `${expert.name} Conseil`, postalCode: "69001" });
    for (const key of pdfKeys) expect((await getFile(key)).byteLength).toBeGreaterThan(0);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, expert.id), eq(auditLog.action, "account.erased")));
    expect(audit).toMatchObject({ actorId: expert.id, subjectType: "user", toStatus: "erased" });
    expect(JSON.stringify(audit)).not.toContain(expert.email);
    expect(JSON.stringify(audit)).not.toContain("Sophie");

    // The old session's actor is no longer anyone.
    await expect(eraseAccount(expert, confirm)).rejects.toThrow(new PolicyError("unauthenticated"));
  });
});

describe("eraseAccount: a client", () => {
  it("the only member leaves: the organisation and its invoices stay, jobs cancelled, nothing personal left", async () => {
    const { owner, contractId, milestoneId, bidId } = await finishedContract();
    await approveAndPay(owner, milestoneId);
    const [membership] = await db.select().from(organizationMembers).where(eq(organizationMembers.userId, owner.id));
    const organizationId = membership!.organizationId;
    const [orgBefore] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
    const openJobId = await makeJob(owner, { title: "Sauvegardes chiffrées pour nos postes" });
    const { expert: bidder, bidId: openBidId } = await makeBid(openJobId);
    expect((await inviteMember(owner, { organizationId, email: "collegue@example.test", role: "member" })).ok).toBe(true);
    const invoicesBefore = await invoiceRows(contractId);
    expect(invoicesBefore).toHaveLength(2);
    const mentions = async (table: "test_mode_objects" | "stripe_events") =>
      Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where strpos(${sql.raw(table === "stripe_events" ? "payload" : "data")}::text, ${owner.email}) > 0`))[0]?.n);
    expect(await mentions("test_mode_objects")).toBeGreaterThan(0); // the Checkout session's customer email

    // Case and spaces do not matter in the confirmation.
    expect(await eraseAccount(owner, { confirmEmail: `  ${owner.email.toUpperCase()} ` })).toEqual({ ok: true, value: undefined });

    expect(await userRow(owner.id)).toMatchObject({ email: erasedEmail(owner.id), name: null, suspendedAt: expect.any(Date) });
    expect(await db.select().from(organizationMembers).where(eq(organizationMembers.organizationId, organizationId))).toHaveLength(0);
    expect((await db.select().from(organizations).where(eq(organizations.id, organizationId)))[0]).toEqual(orgBefore);
    expect((await db.select().from(jobs).where(eq(jobs.id, openJobId)))[0]?.status).toBe("cancelled");
    expect((await db.select().from(bids).where(eq(bids.id, openBidId)))[0]?.status).toBe("declined");
    expect((await db.select().from(bids).where(eq(bids.id, bidId)))[0]?.status).toBe("accepted");
    const toBidder = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, bidder.email), eq(emailOutbox.template, "bid-event")));
    expect(toBidder).toHaveLength(1);
    const [invitation] = await db.select().from(organizationInvitations).where(eq(organizationInvitations.organizationId, organizationId));
    expect(invitation?.revokedAt).toBeInstanceOf(Date);
    expect((await db.select().from(messages).where(eq(messages.authorId, owner.id))).map((m) => m.body)).toEqual([ERASED_MESSAGE_BODY]);
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, owner.email))).toHaveLength(0);
    expect(await mentions("test_mode_objects")).toBe(0);
    expect(await mentions("stripe_events")).toBe(0);
    expect(await invoiceRows(contractId)).toEqual(invoicesBefore);
  });

  it("a member of an organisation with an owner just leaves it", async () => {
    const owner = await makeUser("client");
    const member = await makeUser("client");
    const organization = await makeOrganization(owner, [{ actor: member, role: "member" }]);
    expect(await eraseAccount(member, { confirmEmail: member.email })).toEqual({ ok: true, value: undefined });
    const left = await db.select().from(organizationMembers).where(eq(organizationMembers.organizationId, organization.id));
    expect(left.map((m) => m.userId)).toEqual([owner.id]);
  });
});

describe("eraseAccount: refusals", () => {
  it("refuses a confirmation that is not the account's email, changing nothing", async () => {
    const client = await makeUser("client");
    expect(await eraseAccount(client, { confirmEmail: "quelquun@example.test" })).toEqual({ ok: false, error: "invalid", fields: { confirmEmail: "emailMismatch" } });
    expect(await eraseAccount(client, { confirmEmail: " " })).toEqual({ ok: false, error: "invalid", fields: { confirmEmail: "required" } });
    expect(await userRow(client.id)).toMatchObject({ email: client.email, name: client.name, suspendedAt: null });
  });

  it("refuses while money is in flight (a funded milestone), for the expert and the client, changing nothing", async () => {
    const { owner, expert, milestoneIds } = await makeActiveContract({ bid: oneMilestone });
    expect(await eraseAccount(expert, { confirmEmail: expert.email })).toEqual({ ok: false, error: "contract_in_progress" });
    await fundMilestone(owner, milestoneIds[0]!);
    expect(await eraseAccount(expert, { confirmEmail: expert.email })).toEqual({ ok: false, error: "money_in_flight" });
    expect(await eraseAccount(owner, { confirmEmail: owner.email })).toEqual({ ok: false, error: "money_in_flight" });
    expect((await getMyAccount(owner)).blockers).toEqual(["money_in_flight", "contract_in_progress"]);
    expect(await userRow(expert.id)).toMatchObject({ email: expert.email, suspendedAt: null });
    expect((await db.select().from(expertProfiles).where(eq(expertProfiles.id, expert.profileId)))[0]?.status).toBe("verified");
    expect(await db.select().from(organizationMembers).where(eq(organizationMembers.userId, owner.id))).toHaveLength(1);
  });

  it("refuses the only owner of an organisation with other members (hand ownership over first)", async () => {
    const owner = await makeUser("client");
    const member = await makeUser("client");
    await makeOrganization(owner, [{ actor: member, role: "member" }]);
    expect(await eraseAccount(owner, { confirmEmail: owner.email })).toEqual({ ok: false, error: "sole_owner_with_members" });
    expect((await getMyAccount(owner)).blockers).toEqual(["sole_owner_with_members"]);
    // Once the colleague has left, the owner is the only member and may leave too.
    expect((await eraseAccount(member, { confirmEmail: member.email })).ok).toBe(true);
    expect((await eraseAccount(owner, { confirmEmail: owner.email })).ok).toBe(true);
  });

  it("refuses anonymous visitors and admin accounts", async () => {
    await expect(eraseAccount(null, { confirmEmail: "x@example.test" })).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(getMyAccount(null)).rejects.toThrow(new PolicyError("unauthenticated"));
    const admin = await makeUser("admin");
    await expect(eraseAccount(admin, { confirmEmail: admin.email })).rejects.toThrow(new PolicyError("forbidden"));
    expect(await getMyAccount(admin)).toMatchObject({ erasable: false, blockers: [] });
    const expert = await makeVerifiedExpert();
    expect(await getMyAccount(expert)).toMatchObject({ email: expert.email, role: "expert", erasable: true, blockers: [] });
  });
});
