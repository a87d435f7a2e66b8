import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";

/** Operator command (`npm run admin:create -- EMAIL`): makes the address an admin, creating the account if needed. */
export async function createAdmin(email: string): Promise<{ id: string; email: string }> {
  const address = z.email().parse(email.trim().toLowerCase());
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: address, role: "admin" })
      .onConflictDoUpdate({ target: users.email, set: { role: "admin" } })
      .returning({ id: users.id, email: users.email });
    if (!user) throw new Error("admin upsert returned nothing");
    await recordAudit(tx, { actorId: null, action: "user.made_admin", subjectType: "user", subjectId: user.id, toStatus: "admin" });
    return user;
  });
}
