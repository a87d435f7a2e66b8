import Link from "next/link";
import type { Publisher } from "@/lib/legal/publisher";
import { formatMoney } from "@/lib/money/format";

export const lastUpdated = "2026-12-05";

export function LegalNoticeEn({ publisher: p }: { publisher: Publisher }) {
  return (
    <>
      <section>
        <p className="mt-3 leading-relaxed">
          In accordance with French Law No. 2004-575 of 21 June 2004 on confidence in the digital economy (LCEN), the following information is provided to users of the Compagnon platform.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Publisher</h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>Company name: {p.legalName}</li>
          <li>Legal form: {p.legalForm}</li>
          <li>Share capital: {formatMoney(p.shareCapitalCents, "en", { trimZeroCents: true })}</li>
          <li>Registration: {p.registration}</li>
          <li>SIREN: {p.siren}</li>
          <li>EU VAT number: {p.vatNumber}</li>
          <li>Registered office: {p.address}</li>
          <li>Telephone: {p.phone}</li>
          <li>Email: <a href={`mailto:${p.email}`} className="underline">{p.email}</a></li>
        </ul>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Publication director</h2>
        <p className="mt-3 leading-relaxed">
          {p.publicationDirector}.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Host</h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>Company name: {p.host.name}</li>
          <li>Address: {p.host.address}</li>
          <li>Telephone: {p.host.phone}</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          The servers hosting the platform and its data are located in France.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Points of contact</h2>
        <p className="mt-3 leading-relaxed">
          Under Articles 11 and 12 of Regulation (EU) 2022/2065 on digital services (DSA), Compagnon designates two electronic points of contact, which answer in <strong>French</strong> and <strong>English</strong>:
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>
            <strong>Point of contact for authorities</strong> (Member States’ authorities, the European Commission, the European Board for Digital Services): <Link href="/contact?topic=authority" className="underline">form reserved for authorities</Link>, or <a href={`mailto:${p.email}`} className="underline">{p.email}</a> with “Authority” in the subject.
          </li>
          <li>
            <strong>Point of contact for users</strong>: <Link href="/contact" className="underline">contact form</Link>, open with or without an account; each request opens a conversation followed in the app and by email, handled by a person, not by an automated system.
          </li>
        </ul>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Reporting illegal content</h2>
        <p className="mt-3 leading-relaxed">
          Any content published on the platform that you consider illegal may be reported through the <Link href="/contact" className="underline">contact form</Link> or to <a href={`mailto:${p.email}`} className="underline">{p.email}</a>. Please state your name and email address, the exact location of the content (page address), a description of it and the reasons why you consider it illegal. We review each report diligently and inform you of the action taken.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Intellectual property</h2>
        <p className="mt-3 leading-relaxed">
          The platform, its layout and its texts are protected by intellectual property law. Unless authorised, any reproduction or representation, in whole or in part, is prohibited. The names of the software mentioned (Nextcloud, Odoo, Dolibarr, etc.) are trademarks of their respective owners; their mention does not imply any partnership. Content published by users remains their responsibility.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Personal data and cookies</h2>
        <p className="mt-3 leading-relaxed">
          The processing of your personal data and the cookies used are described in our privacy policy. The platform only uses strictly necessary cookies (session and language) and no third-party trackers.
        </p>
      </section>
    </>
  );
}
