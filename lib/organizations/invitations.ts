import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { organizationInvitations, organizationMembers, organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireOrgOwner, requireUser } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/email/send-email";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrors } from "@/lib/actions/field-errors";
import { inviteMemberSchema, type InviteMemberInput } from "./schemas";
import { appUrl } from "@/lib/http/app-url";

export const INVITATION_DAYS = 7;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type InviteMemberError = "invalid" | "already_member";

/** An owner invites a colleague by email; the email leaves in the same transaction. */
export async function inviteMember(
  actor: Actor | null,
  input: InviteMemberInput,
): Promise<Result<{ invitationId: string }, InviteMemberError>> {
  const parsed = inviteMemberSchema.safeParse(input);
  if (!parsed.success) {
    requireUser(actor);
    return fail("invalid", fieldErrors(parsed.error));
  }
  const { organizationId, email, role } = parsed.data;

  return db.transaction(async (tx) => {
    const { actor: owner } = await requireOrgOwner(tx, actor, organizationId);
    const alreadyMember = await tx
      .select({ id: organizationMembers.id })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(and(eq(organizationMembers.organizationId, organizationId), eq(users.email, email)))
      .limit(1);
    if (alreadyMember.length > 0) return fail("already_member", { email: "alreadyMember" });

    // A new invitation replaces any pending one for the same address.
    await tx
      .update(organizationInvitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(organizationInvitations.organizationId, organizationId),
          eq(organizationInvitations.email, email),
          isNull(organizationInvitations.acceptedAt),
          isNull(organizationInvitations.revokedAt),
        ),
      );

    const token = randomBytes(32).toString("base64url");
    const [invitation] = await tx
      .insert(organizationInvitations)
      .values({
        organizationId,
        email,
        role,
        tokenHash: hashInvitationToken(token),
        invitedById: owner.id,
        expiresAt: sql`now() + make_interval(days => ${INVITATION_DAYS})`,
      })
      .returning({ id: organizationInvitations.id });
    const [organization] = await tx
      .select({ legalName: organizations.legalName })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    const invitee = await tx.query.users.findFirst({ where: eq(users.email, email), columns: { locale: true } });
    if (!invitation || !organization) throw new Error("invitation insert failed");

    await sendEmail(tx, {
      template: "invitation",
      to: email,
      idempotencyKey: `invitation:${invitation.id}`,
      props: {
        locale: invitee?.locale ?? owner.locale,
        url: appUrl(`/invitations/${token}`),
        organizationName: organization.legalName,
        inviterName: owner.name ?? owner.email,
        role,
        expiresInDays: INVITATION_DAYS,
      },
    });
    await recordAudit(tx, {
      actorId: owner.id,
      action: "organization.member_invited",
      subjectType: "organization",
      subjectId: organizationId,
      data: { invitationId: invitation.id, role },
    });
    return ok({ invitationId: invitation.id });
  });
}

export type AcceptInvitationError = "not_found" | "expired" | "used" | "wrong_account" | "wrong_role" | "already_member";

/** The invited person, signed in with the invited address, joins the organisation as a client. */
export async function acceptInvitation(
  actor: Actor | null,
  input: { token: string },
): Promise<Result<{ organizationId: string }, AcceptInvitationError>> {
  const user = requireUser(actor);
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(organizationInvitations)
      .where(eq(organizationInvitations.tokenHash, hashInvitationToken(input.token)))
      .for("update");
    if (!invitation || invitation.revokedAt) return fail("not_found");
    if (invitation.acceptedAt) return fail("used");
    if (invitation.expiresAt.getTime() < Date.now()) return fail("expired");
    if (invitation.email !== user.email.toLowerCase()) return fail("wrong_account");
    if (user.role && user.role !== "client") return fail("wrong_role");

    const memberships = await tx
      .select({ organizationId: organizationMembers.organizationId })
      .from(organizationMembers)
      .where(eq(organizationMembers.userId, user.id));
    if (memberships.length > 0) return fail("already_member");

    if (!user.role) await tx.update(users).set({ role: "client" }).where(eq(users.id, user.id));
    await tx
      .insert(organizationMembers)
      .values({ organizationId: invitation.organizationId, userId: user.id, role: invitation.role });
    await tx
      .update(organizationInvitations)
      .set({ acceptedAt: new Date() })
      .where(eq(organizationInvitations.id, invitation.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: "organization.member_joined",
      subjectType: "organization",
      subjectId: invitation.organizationId,
      data: { invitationId: invitation.id, role: invitation.role },
    });
    return ok({ organizationId: invitation.organizationId });
  });
}

/** What the invitation page shows before the person accepts. */
export async function getInvitationByToken(token: string) {
  const [row] = await db
    .select({
      email: organizationInvitations.email,
      role: organizationInvitations.role,
      expiresAt: organizationInvitations.expiresAt,
      acceptedAt: organizationInvitations.acceptedAt,
      revokedAt: organizationInvitations.revokedAt,
      organizationName: organizations.legalName,
    })
    .from(organizationInvitations)
    .innerJoin(organizations, eq(organizations.id, organizationInvitations.organizationId))
    .where(eq(organizationInvitations.tokenHash, hashInvitationToken(token)));
  return row ?? null;
}
