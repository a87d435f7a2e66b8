import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { choice } from "@/lib/text/choice";
import { z } from "zod";
import { identityText } from "@/lib/text/identity";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { createExpertProfile } from "@/lib/experts/profile";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";

export const chooseRoleSchema = z.object({
  role: choice(["client", "expert"], { error: "required" }),
  name: identityText({ error: "nameLength" })
    .min(2, { error: "nameLength" })
    .max(100, { error: "nameLength" }),
  /** The language the person is using, so that their emails follow it. */
  locale: z.enum(["fr", "en"]).optional(),
});

/**
 * After the first sign-in, a person gives their name and says whether they represent a company
 * or are an expert. The role is chosen once.
 */
export async function chooseRole(
  actor: Actor | null,
  input: z.input<typeof chooseRoleSchema>,
): Promise<Result<{ role: "client" | "expert" }, "invalid" | "already_chosen">> {
  const user = requireUser(actor);
  const parsed = chooseRoleSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { role, name, locale } = parsed.data;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ role, name, ...(locale ? { locale } : {}) })
      .where(and(eq(users.id, user.id), isNull(users.role)))
      .returning({ id: users.id });
    if (updated.length === 0) return fail("already_chosen");
    if (role === "expert") await createExpertProfile(tx, { id: user.id, name, email: user.email });
    await recordAudit(tx, { actorId: user.id, action: "user.role_chosen", subjectType: "user", subjectId: user.id, toStatus: role });
    return ok({ role });
  });
}
