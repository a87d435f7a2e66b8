import { render } from "@react-email/components";
import { describe, expect, it } from "vitest";
import InvitationEmail, { invitationSubject } from "@/emails/InvitationEmail";
import SignInEmail, { signInSubject } from "@/emails/SignInEmail";

const url = "https://compagnon.example/api/auth/callback/email?token=abc&email=a%40b.fr";

describe("email templates", () => {
  it("render the sign-in link in French and English", async () => {
    const fr = await render(<SignInEmail locale="fr" url={url} expiresInMinutes={30} />, { plainText: true });
    const en = await render(<SignInEmail locale="en" url={url} expiresInMinutes={30} />, { plainText: true });
    expect(fr).toContain("valable 30 minutes");
    expect(en).toContain("valid for 30 minutes");
    expect(fr).toContain(url);
    expect(signInSubject({ locale: "fr", url, expiresInMinutes: 30 })).toBe("Votre lien de connexion à Compagnon");
    expect(signInSubject({ locale: "en", url, expiresInMinutes: 30 })).toBe("Your sign-in link for Compagnon");
  });

  it("render the invitation with the organisation, the inviter and the role", async () => {
    const props = { locale: "en", url, organizationName: "Acme SAS", inviterName: "Claire", role: "owner", expiresInDays: 7 } as const;
    const html = await render(<InvitationEmail {...props} />);
    expect(html).toContain('lang="en"');
    expect(html).toContain("Claire invites you to join Acme SAS on Compagnon as owner.");
    expect(invitationSubject({ ...props, locale: "fr" })).toBe("Invitation à rejoindre Acme SAS sur Compagnon");
  });

  it("have preview props by default (react-email preview)", async () => {
    const html = await render(InvitationEmail({} as never));
    expect(html).toContain("Boulangerie Martin SARL");
  });
});
