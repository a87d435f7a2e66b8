import Link from "next/link";
import type { Publisher } from "@/lib/legal/publisher";
import { formatMoney } from "@/lib/money/format";

export const lastUpdated = "2026-12-05";

export function LegalNoticeFr({ publisher: p }: { publisher: Publisher }) {
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
          <li>Raison sociale : {p.legalName}</li>
          <li>Forme juridique : {p.legalForm}</li>
          <li>Capital social : {formatMoney(p.shareCapitalCents, "fr", { trimZeroCents: true })}</li>
          <li>Immatriculation : {p.registration}</li>
          <li>SIREN : {p.siren}</li>
          <li>Numéro de TVA intracommunautaire : {p.vatNumber}</li>
          <li>Siège social : {p.address}</li>
          <li>Téléphone : {p.phone}</li>
          <li>E-mail : <a href={`mailto:${p.email}`} className="underline">{p.email}</a></li>
        </ul>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Directeur de la publication</h2>
        <p className="mt-3 leading-relaxed">
          {p.publicationDirector}.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Hébergeur</h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>Raison sociale : {p.host.name}</li>
          <li>Adresse : {p.host.address}</li>
          <li>Téléphone : {p.host.phone}</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          Les serveurs hébergeant la plateforme et ses données sont situés en France.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Points de contact</h2>
        <p className="mt-3 leading-relaxed">
          Conformément aux articles 11 et 12 du règlement (UE) 2022/2065 sur les services numériques (DSA), Compagnon désigne deux points de contact électroniques, qui répondent en <strong>français</strong> et en <strong>anglais</strong> :
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>
            <strong>Point de contact des autorités</strong> (autorités des États membres, Commission européenne, comité européen des services numériques) : <Link href="/contact?topic=authority" className="underline">formulaire réservé aux autorités</Link>, ou <a href={`mailto:${p.email}`} className="underline">{p.email}</a> en indiquant « Autorité » dans l’objet.
          </li>
          <li>
            <strong>Point de contact des utilisateurs</strong> : <Link href="/contact" className="underline">formulaire de contact</Link>, accessible avec ou sans compte ; chaque demande ouvre un échange suivi dans l’application et par e-mail, traité par une personne et non par un système automatisé.
          </li>
        </ul>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">Signalement de contenus illicites</h2>
        <p className="mt-3 leading-relaxed">
          Tout contenu publié sur la plateforme que vous estimez illicite peut être signalé depuis le <Link href="/contact" className="underline">formulaire de contact</Link> ou à <a href={`mailto:${p.email}`} className="underline">{p.email}</a>. Indiquez vos nom et adresse e-mail, l’emplacement précis du contenu (adresse de la page), sa description et les raisons pour lesquelles vous le jugez illicite. Nous examinons chaque signalement avec diligence et vous informons de la suite donnée.
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
