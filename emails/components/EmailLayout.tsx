import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

interface EmailLayoutProps {
  lang: string;
  preview: string;
  heading: string;
  footer: string;
  children: ReactNode;
}

const body = { backgroundColor: "#f5f5f4", fontFamily: "Arial, Helvetica, sans-serif", color: "#1c1917" };
const container = { backgroundColor: "#ffffff", margin: "32px auto", padding: "32px", maxWidth: "560px", borderRadius: "8px" };

export function EmailLayout({ lang, preview, heading, footer, children }: EmailLayoutProps) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={{ fontSize: "18px", fontWeight: 700, color: "#115e59", margin: 0 }}>Compagnon</Text>
          <Heading as="h1" style={{ fontSize: "22px", margin: "24px 0 16px" }}>
            {heading}
          </Heading>
          <Section>{children}</Section>
          <Hr style={{ borderColor: "#e7e5e4", margin: "32px 0 16px" }} />
          <Text style={{ fontSize: "12px", color: "#57534e" }}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#115e59",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: "6px",
  fontWeight: 700,
  textDecoration: "none",
  display: "inline-block",
};

/** A quoted reason (a decision's, a refusal's), kept as the person wrote it. */
export function ReasonQuote({ label, reason }: { label: string; reason: string | null }) {
  if (!reason) return null;
  return (
    <Text style={{ borderLeft: "4px solid #115e59", paddingLeft: "12px", whiteSpace: "pre-wrap" }}>
      <strong>{label}</strong>
      <br />
      {reason}
    </Text>
  );
}
