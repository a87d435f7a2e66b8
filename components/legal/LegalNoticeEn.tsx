export const lastUpdated = "2026-11-28";

export function LegalNoticeEn() {
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
          <li>Company name: [Publisher’s company name]</li>
          <li>Legal form: [legal form, for example SAS]</li>
          <li>Share capital: €[amount]</li>
          <li>Registration: RCS [city] [number]</li>
          <li>SIREN: [SIREN number]</li>
          <li>EU VAT number: [VAT number]</li>
          <li>Registered office: [registered office address]</li>
          <li>Telephone: [telephone number]</li>
          <li>Email: [contact email address]</li>
        </ul>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Publication director</h2>
        <p className="mt-3 leading-relaxed">
          [First name Last name], in their capacity as [position, for example chair].
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Host</h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>Company name: [Hosting provider’s name]</li>
          <li>Address: [hosting provider’s address]</li>
          <li>Telephone: [hosting provider’s telephone number]</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          The servers hosting the platform and its data are located in France.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Contact</h2>
        <p className="mt-3 leading-relaxed">
          For any question about the platform, write to [contact email address]. This address is also the single point of contact for users and authorities within the meaning of Articles 11 and 12 of Regulation (EU) 2022/2065 on digital services; communication may take place in French or English.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Reporting illegal content</h2>
        <p className="mt-3 leading-relaxed">
          Any content published on the platform that you consider illegal may be reported to [contact email address]. Please state your name and email address, the exact location of the content (page address), a description of it and the reasons why you consider it illegal. We review each report diligently and inform you of the action taken.
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
