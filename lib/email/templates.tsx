import type { ReactElement } from "react";
import AccountSuspendedEmail, { accountSuspendedSubject, type AccountSuspendedEmailProps } from "@/emails/AccountSuspendedEmail";
import ContractEventEmail, { contractEventSubject, type ContractEventEmailProps } from "@/emails/ContractEventEmail";
import PaymentEventEmail, { paymentEventSubject, type PaymentEventEmailProps } from "@/emails/PaymentEventEmail";
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
import UrssafReminderEmail, { urssafReminderSubject, type UrssafReminderEmailProps } from "@/emails/UrssafReminderEmail";

interface TemplateDefinition<P> {
  subject: (props: P) => string;
  element: (props: P) => ReactElement;
  /** Its body grants access (a link with a token): wiped once the provider has it. */
  sensitive: boolean;
}

export const emailTemplates = {
  "sign-in": {
    subject: signInSubject,
    element: (props) => <SignInEmail {...props} />,
    sensitive: true,
  } satisfies TemplateDefinition<SignInEmailProps>,
  "account-suspended": {
    subject: accountSuspendedSubject,
    element: (props) => <AccountSuspendedEmail {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<AccountSuspendedEmailProps>,
  invitation: {
    subject: invitationSubject,
    element: (props) => <InvitationEmail {...props} />,
    sensitive: true,
  } satisfies TemplateDefinition<InvitationEmailProps>,
  "expert-decision": {
    subject: expertDecisionSubject,
    element: (props) => <ExpertDecisionEmail {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<ExpertDecisionEmailProps>,
  "urssaf-reminder": {
    subject: urssafReminderSubject,
    element: (props) => <UrssafReminderEmail {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<UrssafReminderEmailProps>,
  dac7: {
    subject: dac7Subject,
    element: (props) => <Dac7Email {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<Dac7EmailProps>,
  "bid-event": {
    subject: bidEventSubject,
    element: (props) => <BidEventEmail {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<BidEventEmailProps>,
  "contract-event": {
    subject: contractEventSubject,
    element: (props) => <ContractEventEmail {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<ContractEventEmailProps>,
  "payment-event": {
    subject: paymentEventSubject,
    element: (props) => <PaymentEventEmail {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<PaymentEventEmailProps>,
  "new-message": {
    subject: newMessageSubject,
    element: (props) => <NewMessageEmail {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<NewMessageEmailProps>,
  "moderation-event": {
    subject: moderationSubject,
    element: (props) => <ModerationEmail {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<ModerationEmailProps>,
  "support-event": {
    subject: supportEventSubject,
    element: (props) => <SupportEventEmail {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<SupportEventEmailProps>,
  "data-export-ready": {
    subject: dataExportReadySubject,
    element: (props) => <DataExportReadyEmail {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<DataExportReadyEmailProps>,
  review: {
    subject: reviewSubject,
    element: (props) => <ReviewEmail {...props} />,
    sensitive: false,
  } satisfies TemplateDefinition<ReviewEmailProps>,
};

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateProps<N extends EmailTemplateName> = Parameters<(typeof emailTemplates)[N]["subject"]>[0];
