import Link from "next/link";
import type { Publisher } from "@/lib/legal/publisher";

/** Version 1 of the privacy policy (in force from 2026-12-05), kept readable after version 2 replaced it. */
export function PrivacyEnV1({ publisher: p }: { publisher: Publisher }) {
  return (
    <>
      <section>
        <h2 className="mt-8 text-xl font-semibold">1. Who is responsible for your data?</h2>
        <p className="mt-3 leading-relaxed">
          The Compagnon platform is published by {p.legalName}, whose registered office is at {p.address} (“we”, “us”). We are the controller of the personal data processed to operate the platform, within the meaning of Regulation (EU) 2016/679 (GDPR) and French Law No. 78-17 of 6 January 1978 (the “Informatique et Libertés” Act). Our full identity is set out in the legal notice.
        </p>
        <p className="mt-3 leading-relaxed">
          For any question about your data, write to us at <a href={`mailto:${p.email}`} className="underline">{p.email}</a> or through the <Link href="/contact" className="underline">contact form</Link>.
        </p>
        <p className="mt-3 leading-relaxed">
          When an expert works on a client organisation’s systems (for example a Nextcloud or Odoo instance), the data held in those systems is not processed by Compagnon: the client organisation is the controller and the expert acts as its processor, under the data processing agreement (Article 28 GDPR) entered into between them.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">2. The data we collect</h2>
        <p className="mt-3 leading-relaxed">
          Compagnon is reserved for professionals. We only collect data that the service needs, mostly from you directly.
        </p>
        <h3 className="mt-4 font-semibold">For all users</h3>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>email address (used to sign in by magic link), name if provided, preferred language;</li>
          <li>messages, requests, proposals, milestones, approvals and any complaints exchanged on the platform;</li>
          <li>technical data: IP address, browser type, date and time of sign-ins and significant actions (security logs).</li>
        </ul>
        <h3 className="mt-4 font-semibold">Client organisations</h3>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>legal name, SIREN/SIRET numbers, EU VAT number, billing address;</li>
          <li>email addresses and roles of the members invited to the organisation.</li>
        </ul>
        <h3 className="mt-4 font-semibold">Experts</h3>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>profile: name, presentation, skills, references, service area, rates;</li>
          <li>business data: SIRET number, VAT status, address;</li>
          <li>evidence provided for vetting: URSSAF certificate of compliance (attestation de vigilance), professional liability insurance certificate, company registration extract, any certifications;</li>
          <li>identifier and status of your Stripe payment account, amounts received through the platform.</li>
        </ul>
        <h3 className="mt-4 font-semibold">Payments</h3>
        <p className="mt-3 leading-relaxed">
          Payments are processed by Stripe. Card data is entered directly with Stripe and never passes through our servers; we only receive a payment reference and its status. The identity documents and bank details that Stripe requires from experts are, as a rule, collected directly by Stripe.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">3. Why, and on what legal basis</h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li><strong>Performance of the contract</strong> (Article 6(1)(b) GDPR): creating and managing accounts, signing in, matching, publishing requests and proposals, following up missions and milestones, payments, email notifications, support.</li>
          <li><strong>Legal obligation</strong> (Article 6(1)(c)): issuing and keeping invoices and accounting records, tax reporting by platform operators (Article 242 bis and Article 1649 ter A et seq. of the French General Tax Code, “DAC7” directive), responding to lawful requests from authorities.</li>
          <li><strong>Legitimate interest</strong> (Article 6(1)(f)): vetting experts to keep the platform trustworthy and to enable clients to meet their duty of vigilance; security logs, fraud and abuse prevention; handling complaints and defending our legal rights.</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          We do no marketing on behalf of third parties, sell no data and do no advertising profiling. Experts are approved by a person on our team: no decision producing legal effects is based solely on automated processing.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">4. Retention periods</h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>Account and profile data: for as long as the account is used, then deleted within 3 months of its closure, subject to the periods below. An account inactive for 3 years is closed after prior notice.</li>
          <li>Requests, proposals, mission contracts, messages and milestone history: for the duration of the relationship, then archived for 5 years (limitation period in commercial and civil matters). If you erase your account, the text of your messages is deleted; contracts and payment history are kept for that period.</li>
          <li>Experts’ evidence documents: while the expert account is active, each document being replaced by its up-to-date version. They are deleted with the account.</li>
          <li>Invoices and accounting records: 10 years from the end of the financial year (Article L. 123-22 of the French Commercial Code), also after your account is erased; the rest of your personal data is then anonymised.</li>
          <li>Data reported to the tax authorities under platform operators’ obligations: for the period set by tax regulations.</li>
          <li>Security logs: 12 months.</li>
          <li>Sign-in links: single-use with a short validity period; they are deleted afterwards.</li>
          <li>In the event of a dispute, the relevant data is kept until it is finally resolved.</li>
        </ul>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">5. Recipients and processors</h2>
        <p className="mt-3 leading-relaxed">
          Your data is accessible only to authorised members of our team, to the extent their duties require. Information needed for a mission is shared between the client organisation and the expert concerned (for example the expert’s public profile, or the client’s billing details). An expert’s evidence documents are shown to clients only to the extent necessary for their duty of vigilance.
        </p>
        <p className="mt-3 leading-relaxed">We use the following service providers:</p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li><strong>Hosting</strong>: {p.host.name} ({p.host.address}), server located in France, which hosts the application, the database and files.</li>
          <li><strong>Payments</strong>: Stripe (Stripe Payments Europe, Limited, Ireland), for collecting, holding and paying out funds. For its own legal obligations (identity verification, anti-money laundering and fraud prevention), Stripe acts as a separate controller.</li>
          <li><strong>Email</strong>: Resend, for sending transactional emails (sign-in links, notifications), when this service is enabled; otherwise, emails are sent from our own server.</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          Our processors are bound by a contract complying with Article 28 GDPR. We may also disclose data to the tax authorities, to our advisers (chartered accountant, lawyer) or to judicial authorities where required by law.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">6. Transfers outside the European Union</h2>
        <p className="mt-3 leading-relaxed">
          Your data is hosted in France. Some providers (Stripe, Resend) belong to groups established in the United States and may access or process data there. These transfers are governed by the European Commission’s adequacy decision on the EU–US Data Privacy Framework where the recipient is certified under it, and otherwise by the standard contractual clauses adopted by the European Commission, supplemented where necessary by additional measures. You may ask us for a copy of these safeguards.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">7. Your rights</h2>
        <p className="mt-3 leading-relaxed">Under the conditions laid down by the GDPR, you have the following rights:</p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>right of access to your data and to obtain a copy;</li>
          <li>right to rectification of inaccurate or incomplete data;</li>
          <li>right to erasure, except where retention is required by law (for example for invoices);</li>
          <li>right to restriction of processing;</li>
          <li>right to portability of the data you provided to us, where the processing is based on the contract;</li>
          <li>right to object to processing based on our legitimate interest, on grounds relating to your particular situation;</li>
          <li>right to set directives on what happens to your data after your death (Article 85 of the Informatique et Libertés Act).</li>
        </ul>
        <h3 className="mt-4 font-semibold">How to exercise your rights</h3>
        <p className="mt-3 leading-relaxed">
          Write to us at <a href={`mailto:${p.email}`} className="underline">{p.email}</a>, if possible from the address linked to your account. If we have reasonable doubts about your identity, we may ask you for additional information. We reply within one month, which may be extended by two months for complex requests; we will inform you if so.
        </p>
        <h3 className="mt-4 font-semibold">Complaint to the CNIL</h3>
        <p className="mt-3 leading-relaxed">
          If you believe your rights are not being respected, you may lodge a complaint with the French data protection authority, the Commission nationale de l’informatique et des libertés (CNIL), online at <a href="https://www.cnil.fr" className="underline">cnil.fr</a> or by post: CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">8. Cookies</h2>
        <p className="mt-3 leading-relaxed">
          Compagnon uses no audience measurement tool, no advertising, no social network and no third-party cookies. Fonts and scripts are served from our own server. We only set two strictly necessary cookies:
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>a session cookie, which keeps you securely signed in; it is deleted when you sign out or when it expires;</li>
          <li>the <code>NEXT_LOCALE</code> cookie, which remembers the language you chose.</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          In accordance with Article 82 of the Informatique et Libertés Act and the CNIL’s guidelines, these cookies are exempt from consent: this is why no cookie banner is shown to you. When you pay on a page operated by Stripe, Stripe may set its own cookies needed for payment security and fraud prevention, under its own responsibility.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">9. Security</h2>
        <p className="mt-3 leading-relaxed">We implement measures appropriate to the risks, including:</p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>encrypted connections (HTTPS);</li>
          <li>sign-in by single-use, time-limited magic link, with no stored password;</li>
          <li>protected session cookie (HttpOnly, Secure and SameSite attributes);</li>
          <li>role-based access control and restricted access to experts’ evidence documents;</li>
          <li>rate limiting of attempts, logging of sensitive actions;</li>
          <li>regular backups and security updates of the server.</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          In the event of a personal data breach posing a risk to your rights, we notify the CNIL and, where the risk is high, we inform you, under the conditions of Articles 33 and 34 GDPR.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">10. Changes</h2>
        <p className="mt-3 leading-relaxed">
          We may update this policy, in particular if we change service providers. The date of the last update is shown on this page; in the event of a significant change, we will inform you by email.
        </p>
      </section>
    </>
  );
}
