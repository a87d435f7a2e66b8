/** Whether a ticket missed its first-response target (marked, or overdue and still unanswered). */
export function isBreached(ticket: { breachedAt: Date | null; firstResponseAt: Date | null; responseDueAt: Date }, now = new Date()): boolean {
  return Boolean(ticket.breachedAt) || (!ticket.firstResponseAt && ticket.responseDueAt <= now);
}
