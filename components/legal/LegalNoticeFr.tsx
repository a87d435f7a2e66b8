export const lastUpdated = "2026-11-28";

export function LegalNoticeFr() {
  return (
    <>
      <section>
        <p className="mt-3 leading-relaxed">
          Conformément à la loi n° 2004-575 du 21 juin 2004 pour la confiance dans l’économie numérique (LCEN), les informations suivantes sont portées à la connaissance des utilisateurs de la plateforme Compagnon.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Éditeur</h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>Raison sociale : [Raison sociale de l’éditeur]</li>
          <li>Forme juridique : [forme juridique, par exemple SAS]</li>
          <li>Capital social : [montant] euros</li>
          <li>Immatriculation : RCS [ville] [numéro]</li>
          <li>SIREN : [numéro SIREN]</li>
          <li>Numéro de TVA intracommunautaire : [numéro de TVA]</li>
          <li>Siège social : [adresse du siège]</li>
          <li>Téléphone : [numéro de téléphone]</li>
          <li>E-mail : [adresse e-mail de contact]</li>
        </ul>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Directeur de la publication</h2>
        <p className="mt-3 leading-relaxed">
          [Prénom Nom], en qualité de [fonction, par exemple président].
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Hébergeur</h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>Raison sociale : [Nom de l’hébergeur]</li>
          <li>Adresse : [adresse de l’hébergeur]</li>
          <li>Téléphone : [téléphone de l’hébergeur]</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          Les serveurs hébergeant la plateforme et ses données sont situés en France.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Contact</h2>
        <p className="mt-3 leading-relaxed">
          Pour toute question concernant la plateforme, écrivez à [adresse e-mail de contact]. Cette adresse constitue également le point de contact unique des utilisateurs et des autorités au sens des articles 11 et 12 du règlement (UE) 2022/2065 sur les services numériques ; les échanges peuvent avoir lieu en français ou en anglais.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Signalement de contenus illicites</h2>
        <p className="mt-3 leading-relaxed">
          Tout contenu publié sur la plateforme que vous estimez illicite peut être signalé à [adresse e-mail de contact]. Indiquez vos nom et adresse e-mail, l’emplacement précis du contenu (adresse de la page), sa description et les raisons pour lesquelles vous le jugez illicite. Nous examinons chaque signalement avec diligence et vous informons de la suite donnée.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Propriété intellectuelle</h2>
        <p className="mt-3 leading-relaxed">
          La plateforme, sa présentation et ses textes sont protégés par le droit de la propriété intellectuelle. Sauf autorisation, toute reproduction ou représentation, totale ou partielle, est interdite. Les noms des logiciels cités (Nextcloud, Odoo, Dolibarr, etc.) sont des marques de leurs titulaires respectifs ; leur mention n’implique aucun partenariat. Les contenus publiés par les utilisateurs restent sous leur responsabilité.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Données personnelles et cookies</h2>
        <p className="mt-3 leading-relaxed">
          Le traitement de vos données personnelles et les cookies utilisés sont décrits dans notre politique de confidentialité. La plateforme n’utilise que des cookies strictement nécessaires (session et langue) et aucun traceur tiers.
        </p>
      </section>
    </>
  );
}
