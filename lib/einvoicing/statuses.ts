/**
 * Lifecycle statuses of an invoice (AFNOR XP Z12-012, the "cycle de vie" of the reform's
 * external specifications): code → message key (messages/*.json, `einvoicing.status_<code>`).
 * 200 Déposée and 213 Rejetée come from the sender's PA; 210 Refusée and 212 Encaissée are the
 * statuses the PA must forward to the tax administration.
 */
export const LIFECYCLE_CODES = [200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214] as const;
export type LifecycleCode = (typeof LIFECYCLE_CODES)[number];

/** The French names, as the standard writes them (the admin's page and logs). */
export const LIFECYCLE_NAMES: Record<LifecycleCode, string> = {
  200: "Déposée",
  201: "Émise par la plateforme",
  202: "Reçue par la plateforme",
  203: "Mise à disposition",
  204: "Prise en charge",
  205: "Approuvée",
  206: "Approuvée partiellement",
  207: "En litige",
  208: "Suspendue",
  209: "Complétée",
  210: "Refusée",
  211: "Paiement transmis",
  212: "Encaissée",
  213: "Rejetée",
  214: "Visée",
};

export function isLifecycleCode(code: number): code is LifecycleCode {
  return (LIFECYCLE_CODES as readonly number[]).includes(code);
}

/** Statuses that need someone to act: the fix is a credit note and a new invoice, never an edit. */
export const ACTION_CODES = [207, 208, 210, 213] as const satisfies readonly LifecycleCode[];

export function needsAction(code: number | null): code is (typeof ACTION_CODES)[number] {
  return code !== null && (ACTION_CODES as readonly number[]).includes(code);
}

/** What the invoice lists show for one document. */
export type EinvoiceDisplay =
  | { kind: "status"; code: LifecycleCode; at: Date }
  | { kind: "queued" }
  | { kind: "submitted" }
  | { kind: "failed" }
  | { kind: "off" }
  | { kind: "no_address" }
  | { kind: "e_reported" }
  | { kind: "seller_pa" };
