import "server-only";
import { queueJob } from "@/lib/jobs/queue";
import type { ReactElement } from "react";
import { render, toPlainText } from "@react-email/render";
import type { Executor } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import type { NotificationCategory } from "@/lib/notifications/categories";
import { recordNotification } from "@/lib/notifications/record";
import { emailTemplates, type EmailTemplateName, type EmailTemplateProps } from "./templates";

export const DELIVER_EMAIL_TASK = "deliver_email";
export const EMAIL_MAX_ATTEMPTS = 12;

export interface SendEmailInput<N extends EmailTemplateName> {
  template: N;
  to: string;
  props: EmailTemplateProps<N>;
  /** Same key, same email: derive it from the event (`invitation:<id>`), never from the clock. */
  idempotencyKey: string;
}

/**
 * The one way to send an email. Renders the template, writes it to the outbox and queues its
 * delivery, all with `executor`: pass the transaction of the event that causes the email, and
 * the email exists if and only if the event does. Returns the outbox id (`created` false when
 * the idempotency key was already used, or when the address is an erased account's: no email).
 *
 * When the recipient is a user and the template declares a notification category, it also
 * records their in-app notification (lib/notifications), and sends no email when they turned
 * that category's emails off (never for sign-in, security and money emails): then the id is "".
 */
export async function sendEmail<N extends EmailTemplateName>(
  executor: Executor,
  input: SendEmailInput<N>,
): Promise<{ id: string; created: boolean }> {
  // An erased account's address (erased+<id>@invalid) never receives anything.
  if (input.to.endsWith("@invalid")) return { id: "", created: false };
  const template = emailTemplates[input.template] as unknown as {
    subject: (p: EmailTemplateProps<N>) => string;
    element: (p: EmailTemplateProps<N>) => ReactElement;
    sensitive: boolean;
    notification: { category: NotificationCategory; link?: (p: EmailTemplateProps<N>) => string } | null;
  };
  const subject = template.subject(input.props);
  if (template.notification && !template.sensitive) {
    const { emailWanted } = await recordNotification(executor, {
      to: input.to,
      category: template.notification.category,
      template: input.template,
      title: subject,
      url: template.notification.link ? template.notification.link(input.props) : (input.props as { url?: string }).url ?? "/notifications",
      idempotencyKey: input.idempotencyKey,
    });
    if (!emailWanted) return { id: "", created: false };
  }
  const element = template.element(input.props);
  const html = await render(element);
  const text = toPlainText(html);
  const inserted = await executor
    .insert(emailOutbox)
    .values({
      idempotencyKey: input.idempotencyKey,
      template: input.template,
      locale: input.props.locale,
      toAddress: input.to,
      subject,
      html,
      text,
      sensitive: template.sensitive,
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey })
    .returning({ id: emailOutbox.id });
  const row = inserted[0];
  if (!row) {
    const existing = await executor.query.emailOutbox.findFirst({
      where: (o, { eq }) => eq(o.idempotencyKey, input.idempotencyKey),
      columns: { id: true },
    });
    if (!existing) throw new Error(`Outbox row for ${input.idempotencyKey} vanished`);
    return { id: existing.id, created: false };
  }
  await queueJob(executor, DELIVER_EMAIL_TASK, { outboxId: row.id }, { key: `email:${row.id}`, maxAttempts: EMAIL_MAX_ATTEMPTS });
  return { id: row.id, created: true };
}
