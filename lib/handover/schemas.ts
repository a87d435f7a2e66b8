import { z } from "zod";
import { accessDecision, accessKind } from "@/db/schema/handover";
import { looksLikeSecret } from "./secrets";

/** A text that must not carry a secret: the refusal says so ("secretRefused"). */
const noSecret = (schema: z.ZodString) => schema.refine((value) => !looksLikeSecret(value), { error: "secretRefused" });
const line = (max: number) => noSecret(z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" }));
const longText = () => noSecret(z.string({ error: "required" }).trim().min(10, { error: "handoverTextShort" }).max(8000, { error: "tooLong" }));

/** A calendar day, not after today (Paris): when an access was given, when a restore was last tested. */
const pastDay = (today: string) => z.iso.date({ error: "date" }).refine((day) => day <= today, { error: "notInFuture" });

export const MAX_ACCESSES = 200;

export function accessSchema(today: string) {
  return z.object({
    contractId: z.string().max(40),
    kind: z.enum(accessKind.enumValues, { error: "required" }),
    label: line(300),
    holder: line(200),
    since: pastDay(today),
  });
}
/** What a form sends: text, checked by the use case. */
export type AccessInput = Record<"contractId" | "kind" | "label" | "holder" | "since", string>;

export function handoverPackSchema(today: string) {
  return z.object({
    contractId: z.string().max(40),
    architecture: longText(),
    backups: longText(),
    restoreProcedure: longText(),
    lastRestoreTestOn: pastDay(today),
    adminAccounts: longText(),
    updateProcedure: longText(),
    /** The register's accesses the expert lists to revoke. */
    revokeAccessIds: z.array(z.uuid({ error: "handoverAccessUnknown" })).max(MAX_ACCESSES, { error: "tooMany" }),
  });
}
export type HandoverPackInput = z.input<ReturnType<typeof handoverPackSchema>>;
export type HandoverPackData = z.output<ReturnType<typeof handoverPackSchema>>;

export const accessDecisionSchema = z.object({
  contractId: z.string().max(40),
  accessId: z.uuid({ error: "required" }),
  decision: z.enum(accessDecision.enumValues, { error: "required" }),
});
export type AccessDecisionInput = Record<"contractId" | "accessId" | "decision", string>;
