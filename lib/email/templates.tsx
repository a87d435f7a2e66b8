import type { ReactElement } from "react";
import AccountSuspendedEmail, { accountSuspendedSubject, type AccountSuspendedEmailProps } from "@/emails/AccountSuspendedEmail";
import HandoverEventEmail, { handoverEventSubject, type HandoverEventEmailProps } from "@/emails/HandoverEventEmail";
import ContractEventEmail, { contractEventSubject, type ContractEventEmailProps } from "@/emails/ContractEventEmail";
import PaymentEventEmail, { paymentEventSubject, type PaymentEventEmailProps } from "@/emails/PaymentEventEmail";
import EinvoiceActionEmail, { einvoiceActionSubject, type EinvoiceActionEmailProps } from "@/emails/EinvoiceActionEmail";
import PaymentReceiptEmail, { paymentReceiptSubject, type PaymentReceiptEmailProps } from "@/emails/PaymentReceiptEmail";
import BidEventEmail, { bidEventSubject, type BidEventEmailProps } from "@/emails/BidEventEmail";
import DataExportReadyEmail, { dataExportReadySubject, type DataExportReadyEmailProps } from "@/emails/DataExportReadyEmail";
import ExpertDecisionEmail, { expertDecisionSubject, type ExpertDecisionEmailProps } from "@/emails/ExpertDecisionEmail";
import InvitationEmail, { invitationSubject, type InvitationEmailProps } from "@/emails/InvitationEmail";
import NewMessageEmail, { newMessageSubject, type NewMessageEmailProps } from "@/emails/NewMessageEmail";
import ReviewEmail, { reviewSubject, type ReviewEmailProps } from "@/emails/ReviewEmail";
import ModerationEmail, { moderationSubject, type ModerationEmailProps } from "@/emails/ModerationEmail";
import SupportEventEmail, { supportEventSubject, type SupportEventEmailProps } from "@/emails/SupportEventEmail";
import SignInEmail, { signInSubject, type SignInEmailProps } from "@/emails/SignInEmail";
import Dac7Email, { dac7Subject, type Dac7EmailProps } from "@/emails/Dac7Email";
import LegalUpdateEmail, { legalUpdateSubject, type LegalUpdateEmailProps } from "@/emails/LegalUpdateEmail";
import UrssafReminderEmail, { urssafReminderSubject, type UrssafReminderEmailProps } from "@/emails/UrssafReminderEmail";
import RetainerEventEmail, { retainerEventSubject, type RetainerEventEmailProps } from "@/emails/RetainerEventEmail";
import TicketEventEmail, { ticketEventSubject, type TicketEventEmailProps } from "@/emails/TicketEventEmail";
import TrainingAttendeeEmail, { trainingAttendeeSubject, type TrainingAttendeeEmailProps } from "@/emails/TrainingAttendeeEmail";
import type { NotificationCategory } from "@/lib/notifications/categories";

interface TemplateDefinition<P> {
  subject: (props: P) => string;
  element: (props: P) => ReactElement;
  /** Its body grants access (a link with a token): wiped once the provider has it. */
  sensitive: boolean;
  /**
   * The category of the in-app notification this email also makes for a recipient who is a user
   * (its title is the subject, its link `link(props)` or the props' `url`, made relative), or
   * null for none: a sensitive email (its link is a secret) never becomes a notification.
   */
  notification: { category: NotificationCategory; link?: (props: P) => string } | null;
}

export const emailTemplates = {
  /** To a training attendee, who has no account: no in-app notification. */
  "retainer-event": {
    subject: retainerEventSubject,
    element: (props) => <RetainerEventEmail {...props} />,
    sensitive: false,
    notification: { category: "money" },
  } satisfies TemplateDefinition<RetainerEventEmailProps>,
  "ticket-event": {
    subject: ticketEventSubject,
    element: (props) => <TicketEventEmail {...props} />,
    sensitive: false,
    notification: { category: "contracts" },
  } satisfies TemplateDefinition<TicketEventEmailProps>,
  "training-attendee": {
    subject: trainingAttendeeSubject,
    element: (props) => <TrainingAttendeeEmail {...props} />,
    sensitive: false,
    notification: null,
  } satisfies TemplateDefinition<TrainingAttendeeEmailProps>,
  "sign-in": {
    subject: signInSubject,
    element: (props) => <SignInEmail {...props} />,
    sensitive: true,
    notification: null,
  } satisfies TemplateDefinition<SignInEmailProps>,
  "account-suspended": {
    subject: accountSuspendedSubject,
    element: (props) => <AccountSuspendedEmail {...props} />,
    sensitive: false,
    notification: { category: "security", link: (props) => props.contactUrl },
  } satisfies TemplateDefinition<AccountSuspendedEmailProps>,
  invitation: {
    subject: invitationSubject,
    element: (props) => <InvitationEmail {...props} />,
    sensitive: true,
    notification: null,
  } satisfies TemplateDefinition<InvitationEmailProps>,
  "expert-decision": {
    subject: expertDecisionSubject,
    element: (props) => <ExpertDecisionEmail {...props} />,
    sensitive: false,
    notification: { category: "profile" },
  } satisfies TemplateDefinition<ExpertDecisionEmailProps>,
  "urssaf-reminder": {
    subject: urssafReminderSubject,
    element: (props) => <UrssafReminderEmail {...props} />,
    sensitive: false,
    notification: { category: "profile" },
  } satisfies TemplateDefinition<UrssafReminderEmailProps>,
  dac7: {
    subject: dac7Subject,
    element: (props) => <Dac7Email {...props} />,
    sensitive: false,
    notification: { category: "money" },
  } satisfies TemplateDefinition<Dac7EmailProps>,
  "bid-event": {
    subject: bidEventSubject,
    element: (props) => <BidEventEmail {...props} />,
    sensitive: false,
    notification: { category: "bids" },
  } satisfies TemplateDefinition<BidEventEmailProps>,
  "contract-event": {
    subject: contractEventSubject,
    element: (props) => <ContractEventEmail {...props} />,
    sensitive: false,
    notification: { category: "contracts" },
  } satisfies TemplateDefinition<ContractEventEmailProps>,
  "handover-event": {
    subject: handoverEventSubject,
    element: (props) => <HandoverEventEmail {...props} />,
    sensitive: false,
    notification: { category: "contracts" },
  } satisfies TemplateDefinition<HandoverEventEmailProps>,
  "payment-event": {
    subject: paymentEventSubject,
    element: (props) => <PaymentEventEmail {...props} />,
    sensitive: false,
    notification: { category: "money" },
  } satisfies TemplateDefinition<PaymentEventEmailProps>,
  "einvoice-action": {
    subject: einvoiceActionSubject,
    element: (props) => <EinvoiceActionEmail {...props} />,
    sensitive: false,
    // A rejected or refused invoice is about money owed and the law: not an email one can turn off.
    notification: { category: "money" },
  } satisfies TemplateDefinition<EinvoiceActionEmailProps>,
  "payment-receipt": {
    subject: paymentReceiptSubject,
    element: (props) => <PaymentReceiptEmail {...props} />,
    sensitive: false,
    notification: { category: "money" },
  } satisfies TemplateDefinition<PaymentReceiptEmailProps>,
  "new-message": {
    subject: newMessageSubject,
    element: (props) => <NewMessageEmail {...props} />,
    sensitive: false,
    notification: { category: "messages" },
  } satisfies TemplateDefinition<NewMessageEmailProps>,
  "moderation-event": {
    subject: moderationSubject,
    element: (props) => <ModerationEmail {...props} />,
    sensitive: false,
    // Statements of reasons and answers to notices are owed: not an email one can turn off.
    notification: { category: "security" },
  } satisfies TemplateDefinition<ModerationEmailProps>,
  "support-event": {
    subject: supportEventSubject,
    element: (props) => <SupportEventEmail {...props} />,
    sensitive: false,
    notification: { category: "support" },
  } satisfies TemplateDefinition<SupportEventEmailProps>,
  "data-export-ready": {
    subject: dataExportReadySubject,
    element: (props) => <DataExportReadyEmail {...props} />,
    sensitive: false,
    notification: { category: "security" },
  } satisfies TemplateDefinition<DataExportReadyEmailProps>,
  "legal-update": {
    subject: legalUpdateSubject,
    element: (props) => <LegalUpdateEmail {...props} />,
    sensitive: false,
    // A change of the terms is owed to everyone: not an email one can turn off.
    notification: { category: "security" },
  } satisfies TemplateDefinition<LegalUpdateEmailProps>,
  review: {
    subject: reviewSubject,
    element: (props) => <ReviewEmail {...props} />,
    sensitive: false,
    notification: { category: "reviews" },
  } satisfies TemplateDefinition<ReviewEmailProps>,
};

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateProps<N extends EmailTemplateName> = Parameters<(typeof emailTemplates)[N]["subject"]>[0];
