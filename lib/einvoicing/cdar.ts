/**
 * Reads the few fields we need from a lifecycle message (CDAR, UN/CEFACT Cross Domain
 * Acknowledgement And Response, as XP Z12-012 profiles it): the status code
 * (ProcessConditionCode), the referenced invoice number (IssuerAssignedID of the referenced
 * document), the status date (IssueDateTime) and a reason, if any. Null when any is missing.
 */
export interface LifecycleMessage {
  invoiceNumber: string;
  code: number;
  occurredAt: Date;
  reason: string | null;
}

const first = (xml: string, tag: string): string | null => {
  const match = new RegExp(`<(?:\\w+:)?${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:\\w+:)?${tag}>`).exec(xml);
  return match?.[1]?.trim() ?? null;
};

function cdarDate(value: string): Date | null {
  // Format 204 (YYYYMMDDHHMMSS) or 102 (YYYYMMDD), UTC.
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0));
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

export function parseLifecycleMessage(xml: string): LifecycleMessage | null {
  const referenced = first(xml, "ReferenceReferencedDocument");
  const invoiceNumber = referenced ? first(referenced, "IssuerAssignedID") : null;
  const code = Number(first(referenced ?? xml, "ProcessConditionCode"));
  const dateBlock = first(xml, "IssueDateTime");
  const occurredAt = dateBlock ? cdarDate(first(dateBlock, "DateTimeString") ?? "") : null;
  if (!invoiceNumber || !Number.isInteger(code) || code === 0 || !occurredAt) return null;
  const reasonBlock = referenced ? first(referenced, "SpecifiedDocumentStatus") : null;
  const reason = reasonBlock ? first(reasonBlock, "Reason") : null;
  return { invoiceNumber, code, occurredAt, reason };
}
