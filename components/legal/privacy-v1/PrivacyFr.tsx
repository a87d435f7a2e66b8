import Link from "next/link";
import type { Publisher } from "@/lib/legal/publisher";

/** Version 1 of the privacy policy (in force from 2026-12-05), kept readable after version 2 replaced it. */
export function PrivacyFrV1({ publisher: p }: { publisher: Publisher }) {
  return (
    <>
      <section>
        <h2 className="mt-8 text-xl font-semibold">1. Qui est responsable de vos données ?</h2>
        <p className="mt-3 leading-relaxed">
          La plateforme Compagnon est éditée par {p.legalName}, dont le siège social est situé {p.address} (ci-après « nous »). Nous sommes responsable du traitement des données personnelles traitées pour le fonctionnement de la plateforme, au sens du règlement (UE) 2016/679 (RGPD) et de la loi n° 78-17 du 6 janvier 1978 (loi « Informatique et Libertés »). Notre identité complète figure dans les mentions légales.
        </p>
        <p className="mt-3 leading-relaxed">
          Pour toute question relative à vos données, écrivez-nous à <a href={`mailto:${p.email}`} className="underline">{p.email}</a> ou par le <Link href="/contact" className="underline">formulaire de contact</Link>.
        </p>
        <p className="mt-3 leading-relaxed">
          Lorsqu’un expert intervient sur les systèmes d’une organisation cliente (par exemple une instance Nextcloud ou Odoo), les données contenues dans ces systèmes ne sont pas traitées par Compagnon : l’organisation cliente en est responsable du traitement et l’expert agit comme son sous-traitant, dans le cadre de l’accord de traitement des données (article 28 du RGPD) conclu entre eux.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">2. Les données que nous collectons</h2>
        <p className="mt-3 leading-relaxed">
          Compagnon est réservée aux professionnels. Nous ne collectons que les données utiles au service, pour l’essentiel auprès de vous.
        </p>
        <h3 className="mt-4 font-semibold">Pour tous les utilisateurs</h3>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>adresse e-mail (utilisée pour la connexion par lien magique), nom s’il est renseigné, langue préférée ;</li>
          <li>messages, demandes, propositions, jalons, validations et éventuelles réclamations échangés sur la plateforme ;</li>
          <li>données techniques : adresse IP, type de navigateur, date et heure des connexions et des actions importantes (journaux de sécurité).</li>
        </ul>
        <h3 className="mt-4 font-semibold">Organisations clientes</h3>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>raison sociale, numéros SIREN/SIRET, numéro de TVA intracommunautaire, adresse de facturation ;</li>
          <li>adresses e-mail et rôle des membres invités dans l’organisation.</li>
        </ul>
        <h3 className="mt-4 font-semibold">Experts</h3>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>profil : nom, présentation, compétences, références, zone d’intervention, tarifs ;</li>
          <li>données de l’entreprise : numéro SIRET, régime de TVA, adresse ;</li>
          <li>justificatifs fournis pour la vérification : attestation de vigilance URSSAF, attestation d’assurance responsabilité civile professionnelle, extrait d’immatriculation, certifications éventuelles ;</li>
          <li>identifiant et statut de votre compte de paiement Stripe, montants perçus par l’intermédiaire de la plateforme.</li>
        </ul>
        <h3 className="mt-4 font-semibold">Paiements</h3>
        <p className="mt-3 leading-relaxed">
          Les paiements sont traités par Stripe. Les données de carte bancaire sont saisies directement auprès de Stripe et ne transitent jamais par nos serveurs ; nous ne recevons qu’une référence de paiement et son statut. Les pièces d’identité et coordonnées bancaires que Stripe exige des experts sont en principe collectées directement par Stripe.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">3. Pourquoi et sur quelle base juridique</h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li><strong>Exécution du contrat</strong> (article 6.1.b du RGPD) : création et gestion des comptes, connexion, mise en relation, publication des demandes et des propositions, suivi des missions et des jalons, paiements, notifications par e-mail, support.</li>
          <li><strong>Obligation légale</strong> (article 6.1.c) : émission et conservation des factures et pièces comptables, déclarations fiscales des opérateurs de plateforme (article 242 bis et article 1649 ter A et suivants du code général des impôts, directive « DAC7 »), réponse aux réquisitions des autorités.</li>
          <li><strong>Intérêt légitime</strong> (article 6.1.f) : vérification des experts afin de garantir la fiabilité de la plateforme et de permettre aux clients de satisfaire à leur obligation de vigilance ; journaux de sécurité, prévention de la fraude et des abus ; traitement des réclamations et défense de nos droits en justice.</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          Nous n’effectuons aucune prospection commerciale pour le compte de tiers, aucune revente de données et aucun profilage publicitaire. La validation des experts est décidée par une personne de notre équipe : aucune décision produisant des effets juridiques n’est fondée exclusivement sur un traitement automatisé.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">4. Durées de conservation</h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>Données de compte et de profil : pendant toute la durée d’utilisation du compte, puis supprimées dans les 3 mois suivant sa clôture, sous réserve des durées ci-dessous. Un compte inactif depuis 3 ans est clôturé après information préalable.</li>
          <li>Demandes, propositions, contrats de mission, messages et historique des jalons : durée de la relation, puis archivage pendant 5 ans (délai de prescription en matière commerciale et civile). Si vous supprimez votre compte, le texte de vos messages est effacé ; les contrats et l’historique des paiements sont conservés pour cette durée.</li>
          <li>Justificatifs des experts : tant que le compte expert est actif, chaque justificatif étant remplacé par sa version à jour. Ils sont supprimés avec le compte.</li>
          <li>Factures et pièces comptables : 10 ans à compter de la clôture de l’exercice (article L. 123-22 du code de commerce), y compris après la suppression du compte ; le reste de vos données personnelles est alors anonymisé.</li>
          <li>Données déclarées à l’administration fiscale au titre des obligations des opérateurs de plateforme : durée fixée par la réglementation fiscale.</li>
          <li>Journaux de sécurité : 12 mois.</li>
          <li>Liens de connexion : à usage unique, avec une durée de validité courte ; ils sont ensuite supprimés.</li>
          <li>En cas de litige, les données utiles sont conservées jusqu’à sa résolution définitive.</li>
        </ul>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">5. Destinataires et sous-traitants</h2>
        <p className="mt-3 leading-relaxed">
          Vos données sont accessibles aux seules personnes habilitées de notre équipe, dans la limite de leurs missions. Les informations nécessaires à une mission sont partagées entre l’organisation cliente et l’expert concernés (par exemple le profil public de l’expert, ou les coordonnées de facturation du client). Les justificatifs d’un expert ne sont montrés aux clients que dans la mesure nécessaire à leur obligation de vigilance.
        </p>
        <p className="mt-3 leading-relaxed">Nous faisons appel aux prestataires suivants :</p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li><strong>Hébergement</strong> : {p.host.name} ({p.host.address}), serveur situé en France, qui héberge l’application, la base de données et les fichiers.</li>
          <li><strong>Paiements</strong> : Stripe (Stripe Payments Europe, Limited, Irlande), pour l’encaissement, la conservation des fonds et les versements. Pour ses propres obligations légales (vérification d’identité, lutte contre le blanchiment et la fraude), Stripe agit en tant que responsable de traitement distinct.</li>
          <li><strong>E-mails</strong> : Resend, pour l’envoi des e-mails transactionnels (liens de connexion, notifications), lorsque ce service est activé ; à défaut, les e-mails sont envoyés depuis notre propre serveur.</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          Nos sous-traitants sont liés par un contrat conforme à l’article 28 du RGPD. Nous pouvons aussi communiquer des données à l’administration fiscale, à nos conseils (expert-comptable, avocat) ou aux autorités judiciaires lorsque la loi l’exige.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">6. Transferts hors de l’Union européenne</h2>
        <p className="mt-3 leading-relaxed">
          Vos données sont hébergées en France. Certains prestataires (Stripe, Resend) appartiennent à des groupes établis aux États-Unis et peuvent y accéder ou y traiter des données. Ces transferts sont encadrés par la décision d’adéquation de la Commission européenne relative au cadre de protection des données UE–États-Unis (Data Privacy Framework) lorsque le destinataire y est certifié, et à défaut par les clauses contractuelles types adoptées par la Commission européenne, complétées si nécessaire par des mesures supplémentaires. Vous pouvez nous demander une copie de ces garanties.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">7. Vos droits</h2>
        <p className="mt-3 leading-relaxed">Dans les conditions prévues par le RGPD, vous disposez des droits suivants :</p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>droit d’accès à vos données et d’en obtenir une copie ;</li>
          <li>droit de rectification des données inexactes ou incomplètes ;</li>
          <li>droit à l’effacement, sauf lorsque la conservation est imposée par la loi (par exemple pour les factures) ;</li>
          <li>droit à la limitation du traitement ;</li>
          <li>droit à la portabilité des données que vous nous avez fournies, lorsque le traitement repose sur le contrat ;</li>
          <li>droit d’opposition aux traitements fondés sur notre intérêt légitime, pour des raisons tenant à votre situation particulière ;</li>
          <li>droit de définir des directives relatives au sort de vos données après votre décès (article 85 de la loi Informatique et Libertés).</li>
        </ul>
        <h3 className="mt-4 font-semibold">Comment exercer vos droits</h3>
        <p className="mt-3 leading-relaxed">
          Écrivez-nous à <a href={`mailto:${p.email}`} className="underline">{p.email}</a>, depuis l’adresse associée à votre compte si possible. En cas de doute raisonnable sur votre identité, nous pourrons vous demander une information complémentaire. Nous répondons dans un délai d’un mois, qui peut être prolongé de deux mois pour les demandes complexes ; vous en serez alors informé.
        </p>
        <h3 className="mt-4 font-semibold">Réclamation auprès de la CNIL</h3>
        <p className="mt-3 leading-relaxed">
          Si vous estimez que vos droits ne sont pas respectés, vous pouvez introduire une réclamation auprès de la Commission nationale de l’informatique et des libertés (CNIL), en ligne sur <a href="https://www.cnil.fr" className="underline">cnil.fr</a> ou par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">8. Cookies</h2>
        <p className="mt-3 leading-relaxed">
          Compagnon n’utilise ni outil de mesure d’audience, ni publicité, ni réseau social, ni cookie tiers. Les polices et scripts sont servis depuis notre propre serveur. Nous déposons uniquement deux cookies strictement nécessaires :
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>un cookie de session, qui vous maintient connecté de façon sécurisée ; il est supprimé à la déconnexion ou à son expiration ;</li>
          <li>le cookie <code>NEXT_LOCALE</code>, qui mémorise la langue que vous avez choisie.</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          Conformément à l’article 82 de la loi Informatique et Libertés et aux lignes directrices de la CNIL, ces cookies sont exemptés de consentement : c’est pourquoi aucun bandeau cookies ne vous est présenté. Lorsque vous payez sur une page opérée par Stripe, Stripe peut déposer ses propres cookies nécessaires à la sécurité du paiement et à la lutte contre la fraude, sous sa responsabilité.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">9. Sécurité</h2>
        <p className="mt-3 leading-relaxed">Nous mettons en œuvre des mesures adaptées aux risques, notamment :</p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>chiffrement des échanges (HTTPS) ;</li>
          <li>connexion par lien magique à usage unique et durée limitée, sans mot de passe stocké ;</li>
          <li>cookie de session protégé (attributs HttpOnly, Secure et SameSite) ;</li>
          <li>contrôle des accès selon le rôle et accès restreint aux justificatifs des experts ;</li>
          <li>limitation du nombre de tentatives, journalisation des actions sensibles ;</li>
          <li>sauvegardes régulières et mises à jour de sécurité du serveur.</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          En cas de violation de données présentant un risque pour vos droits, nous la notifions à la CNIL et, si le risque est élevé, nous vous en informons, dans les conditions des articles 33 et 34 du RGPD.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">10. Modifications</h2>
        <p className="mt-3 leading-relaxed">
          Nous pouvons faire évoluer cette politique, notamment en cas de changement de prestataire. La date de dernière mise à jour est indiquée sur cette page ; en cas de changement important, nous vous en informons par e-mail.
        </p>
      </section>
    </>
  );
}
