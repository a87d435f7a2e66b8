import type { ReactElement } from "react";
import InvitationEmail, { invitationSubject, type InvitationEmailProps } from "@/emails/InvitationEmail";
import SignInEmail, { signInSubject, type SignInEmailProps } from "@/emails/SignInEmail";

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
  invitation: {
    subject: invitationSubject,
    element: (props) => <InvitationEmail {...props} />,
    sensitive: true,
  } satisfies TemplateDefinition<InvitationEmailProps>,
};

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateProps<N extends EmailTemplateName> = Parameters<(typeof emailTemplates)[N]["subject"]>[0];
