import Link from "next/link";
import type { Publisher } from "@/lib/legal/publisher";

export function TermsEn({ publisher: p }: { publisher: Publisher }) {
  return (
    <>
      <section>
        <h2 className="mt-8 text-xl font-semibold">1. Purpose</h2>
        <p className="mt-3 leading-relaxed">
          These terms of use (the “Terms”) govern the use of the Compagnon platform, published by {p.legalName} (the “publisher”). Compagnon connects professional organisations (“clients”) with vetted independent experts (“experts”) for the installation, support and training of open-source software (Nextcloud, Odoo, Dolibarr, VPN, email, backups, etc.), and enables missions to be tracked and paid by milestone.
        </p>
        <p className="mt-3 leading-relaxed">
          Creating an account entails acceptance of the Terms. Compagnon is reserved for professionals acting for the purposes of their business; it is not open to consumers.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">2. Accounts and roles</h2>
        <p className="mt-3 leading-relaxed">
          Users sign in with a single-use link sent by email. Each user is responsible for the security of their mailbox and for actions taken from their account, and undertakes to provide accurate and up-to-date information.
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li><strong>Client organisation</strong>: a company or other entity identified by its SIREN number. The person who creates it declares that they are authorised to bind it. They may invite other members; the organisation is answerable for its members’ actions on the platform.</li>
          <li><strong>Expert</strong>: a registered independent professional (SIRET number), including under the micro-enterprise scheme, whose profile has been approved by the publisher.</li>
          <li><strong>Administrator</strong>: a member of the publisher’s team in charge of vetting experts, moderation, support and handling complaints.</li>
        </ul>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">3. Expert vetting</h2>
        <p className="mt-3 leading-relaxed">
          Before offering services, the expert provides in particular their SIRET number, an URSSAF certificate of compliance (attestation de vigilance) less than six months old and a valid professional liability insurance certificate. The expert undertakes to renew them when they expire; failing that, their profile may be suspended.
        </p>
        <p className="mt-3 leading-relaxed">
          The publisher checks that these documents are present, consistent and apparently valid, and may interview the expert. This vetting is an obligation of means: it guarantees neither the expert’s skills nor the outcome of their services. The publisher makes the expert’s certificate of compliance available to the client, who remains bound by its own duty of vigilance (Article L. 8222-1 of the French Labour Code, for contracts of at least €5,000 excluding VAT).
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">4. Requests and proposals</h2>
        <p className="mt-3 leading-relaxed">
          The client publishes a request describing its needs. Experts may respond with a proposal setting out the scope, price, milestones (stages with a deliverable and an amount) and timelines. A proposal binds the expert for its period of validity. The client is free not to accept any proposal.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">5. Mission contract between the client and the expert</h2>
        <p className="mt-3 leading-relaxed">
          When the client accepts a proposal, a contract for services is formed directly between the client and the expert (the “mission contract”). It comprises the accepted proposal, the mission conditions described in these Terms, the confidentiality agreement and, where applicable, the data processing agreement referred to in section 6.
        </p>
        <p className="mt-3 leading-relaxed">
          The publisher acts solely as an intermediary: it is not a party to the mission contract and is neither the expert’s service provider nor their employer. The expert works fully independently, organises their work freely and is subordinate neither to the client nor to the publisher. The expert is solely responsible for performing their services.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">6. Confidentiality and data protection</h2>
        <p className="mt-3 leading-relaxed">
          Each mission contract includes a confidentiality agreement under which the expert undertakes not to disclose, or use for any other purpose, the client’s information that comes to their knowledge, during the mission and for five years after it ends.
        </p>
        <p className="mt-3 leading-relaxed">
          Where the mission requires the expert to process personal data on the client’s behalf (for example by administering an email server), the mission contract includes a data processing agreement complying with Article 28 GDPR: the client is the controller, the expert its processor. The publisher provides templates for these agreements, which the parties accept when the contract is formed; it is up to them to check that the templates suit their situation and to supplement them if necessary.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">7. Payment by milestone</h2>
        <p className="mt-3 leading-relaxed">
          The client funds each milestone before it starts; the expert is only required to begin a milestone once it has been funded. Payments are processed by Stripe, an authorised payment service provider. The funds are collected and held by Stripe on the platform’s behalf, and are only paid out to the expert after the client approves the milestone. The expert must open a Stripe payment account and accept Stripe’s terms; Stripe may require proof of identity.
        </p>
        <h3 className="mt-4 font-semibold">Approval and automatic approval</h3>
        <p className="mt-3 leading-relaxed">
          When the expert marks a milestone as delivered, the client has fourteen (14) days to approve it or to dispute it with reasons. A reminder is sent before the deadline. If the client does not respond within that period, the milestone is deemed approved and the funds are paid out to the expert.
        </p>
        <p className="mt-3 leading-relaxed">
          If the mission is cancelled before a milestone is approved, the corresponding funds are returned to the client or paid to the expert according to the parties’ written agreement or, failing that, under the procedure set out in section 10.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">8. Commission</h2>
        <p className="mt-3 leading-relaxed">
          Use of the platform is free for the client, who pays the milestone amounts stated in the accepted proposal. In return for its services, the publisher charges a commission deducted from the amount of each milestone paid to the expert, at the rate displayed on the platform and shown to the expert before each proposal is sent. The applicable rate is the one in force on the date the proposal is accepted; any change to the commission is announced at least thirty (30) days in advance. The publisher invoices the commission to the expert.
        </p>
        <p className="mt-3 leading-relaxed">
          The client and the expert undertake not to settle outside the platform any mission proposed or concluded through it.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">9. Billing mandate</h2>
        <p className="mt-3 leading-relaxed">
          By creating an account, the expert gives the publisher, which accepts it, a mandate to draw up and issue, in the expert’s name and on the expert’s behalf, the invoices addressed to clients for each approved milestone (invoicing by a mandated third party, Article 289, I-2 of the French General Tax Code). Invoices carry the mandatory particulars and state that they are issued by the publisher in the name and on behalf of the expert. They are drawn up in compliance with the applicable electronic invoicing rules.
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>The expert remains solely responsible for their invoicing, VAT and reporting obligations. The expert keeps their information up to date (business name, SIRET, VAT number or VAT-exemption statement).</li>
          <li>A copy of each invoice is made available to the expert, who may dispute it within fifteen (15) days; after that period, it is deemed accepted.</li>
          <li>The expert undertakes not to issue an invoice themselves for a milestone already invoiced under the mandate.</li>
          <li>The mandate ends when the expert account is closed, after invoicing of milestones in progress.</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          In accordance with Article 242 bis of the French General Tax Code, the publisher informs experts of their tax and social security obligations and sends them each year a summary of the amounts received through the platform. It provides the tax authorities with the information required from platform operators.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">10. Complaints and disputes</h2>
        <p className="mt-3 leading-relaxed">
          In the event of disagreement about a milestone, the client disputes it on the platform within the approval period, stating its reasons. The funds then remain blocked. The publisher reviews the exchanges and deliverables, may ask each party for further details and proposes an amicable solution, as a rule within thirty (30) days. The publisher is not an arbitrator: its proposal is not binding on the parties.
        </p>
        <p className="mt-3 leading-relaxed">
          The funds are then paid out or refunded, in whole or in part, according to the parties’ written agreement or an enforceable court decision. Failing agreement, the dispute is brought before the competent courts. As all users are professionals, the consumer mediation scheme does not apply; the parties remain free to agree to use a conventional mediation.
        </p>
        <p className="mt-3 leading-relaxed">
          Any complaint about the publisher’s services should be sent through the <Link href="/contact" className="underline">contact form</Link> or to <a href={`mailto:${p.email}`} className="underline">{p.email}</a>; the publisher endeavours to reply within thirty (30) days.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">11. Liability</h2>
        <p className="mt-3 leading-relaxed">
          The publisher is bound by an obligation of means as regards the operation of the platform. It may interrupt it for maintenance, giving users notice where possible. It is not liable for the performance of mission contracts, the quality of the experts’ services, or content published by users.
        </p>
        <p className="mt-3 leading-relaxed">
          Except in the event of gross negligence or wilful misconduct and except for personal injury, the publisher’s liability is limited to direct damage and, for all events combined, to the amount of commissions received by the publisher for the missions of the user concerned during the twelve (12) months preceding the event giving rise to liability. The publisher is not liable for indirect damage such as loss of revenue, customers or data.
        </p>
        <p className="mt-3 leading-relaxed">
          The client ensures it has up-to-date backups before any work on its systems. The expert maintains professional liability insurance covering their work. Neither party is liable for a failure due to force majeure (Article 1218 of the French Civil Code).
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">12. Suspension and closure</h2>
        <p className="mt-3 leading-relaxed">
          The publisher may suspend or close an account in the event of breach of the Terms, fraud, false or expired documents, circumvention of the platform or conduct harmful to other users. Except in an emergency or where required by law, the user is informed beforehand of the reasons and may submit observations. Funds for milestones in progress are then handled under section 10.
        </p>
        <p className="mt-3 leading-relaxed">
          Users may close their account at any time, subject to the completion or resolution of missions in progress.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">13. Personal data</h2>
        <p className="mt-3 leading-relaxed">
          The publisher processes users’ data in accordance with its privacy policy. For data processed by the expert on the client’s systems, see section 6.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">14. Changes to the Terms</h2>
        <p className="mt-3 leading-relaxed">
          The Terms, the privacy policy and the billing mandate carry a version number and an effective date; previous versions remain readable (<Link href="/legal/terms/versions" className="underline">version history</Link>). Each new version is announced by email and in the app at least fifteen (15) days before it takes effect, and at least thirty (30) days when it changes the commission or other fees. At the first sign-in after that date, the user is asked to accept the new version; the acceptance is recorded (version, date and time). A user who refuses it may close their account. Mission contracts already concluded remain governed by the conditions in force when they were formed.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">15. Governing law and jurisdiction</h2>
        <p className="mt-3 leading-relaxed">
          The Terms and mission contracts are governed by French law. This English version is a translation; only the French version is legally binding. Before taking any action, the parties seek an amicable solution. Failing that, and to the extent permitted by law, any dispute with the publisher falls within the jurisdiction of the competent courts for the place of its registered office.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">16. Content moderation</h2>
        <p className="mt-3 leading-relaxed">
          Illegal content, misleading content (false qualifications, forged documents, fake reviews), content infringing a third party’s rights or aimed at bypassing the platform are forbidden. Anyone may report content with the “Report” link or the <Link href="/contact" className="underline">contact form</Link>. Reports and expert profiles are reviewed by administrators; no restriction is decided by an automated system.
        </p>
        <p className="mt-3 leading-relaxed">
          The publisher may remove or unpublish content, refuse or suspend an expert profile, suspend an account or withhold a payout. Each decision comes with a statement of reasons (Article 17 of Regulation (EU) 2022/2065): the person affected receives, in the app and by email, what is restricted, the facts and the rule relied on, and how to contest the decision.
        </p>
      </section>

      <section>
        <h2 id="ranking" className="mt-8 text-xl font-semibold">17. How results are ordered</h2>
        <p className="mt-3 leading-relaxed">
          Published needs are ordered by relevance to the words searched, then from newest to oldest; the filters chosen (kind of mission, software, department) only narrow the list. The needs suggested to an expert are ordered by the software and kinds of mission they share with the expert’s profile. The directory lists verified experts only, ordered by how well they match the words searched (profile text and declared level on the software named), then from the most recently verified. The bids a client receives are shown by default by the total the client will pay, VAT included; the client may also sort them by the proposed start date or by the expert’s average rating (best rated first, experts without reviews last). An expert’s average rating, shown on their profile and in the comparison, is computed from the reviews their clients left after a mission; a review removed by a moderation decision (article 16) counts in no rating. No expert can pay to rank higher, and the publisher’s commission is the same for everyone (French Consumer Code art. L. 111-7 and Regulation (EU) 2019/1150).
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">18. Contesting a decision</h2>
        <p className="mt-3 leading-relaxed">
          Anyone affected by a moderation decision, or who reported the content, may contest it free of charge from the platform within six (6) months. The complaint is reviewed by an administrator other than the one who took the first decision, who gives a reasoned answer. The person may also turn to a certified out-of-court dispute settlement body (Article 21 of Regulation (EU) 2022/2065) or to the competent courts.
        </p>
      </section>
    </>
  );
}
