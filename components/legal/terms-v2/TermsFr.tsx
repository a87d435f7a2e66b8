import Link from "next/link";
import type { Publisher } from "@/lib/legal/publisher";

/** Version 2 of the terms, kept readable after version 3 replaced it. */
export function TermsFrV2({ publisher: p }: { publisher: Publisher }) {
  return (
    <>
      <section>
        <h2 className="mt-8 text-xl font-semibold">1. Objet</h2>
        <p className="mt-3 leading-relaxed">
          Les présentes conditions générales d’utilisation (« CGU ») régissent l’utilisation de la plateforme Compagnon, éditée par {p.legalName} (« l’éditeur »). Compagnon met en relation des organisations professionnelles (« clients ») avec des experts indépendants vérifiés (« experts ») pour l’installation, le support et la formation autour de logiciels libres (Nextcloud, Odoo, Dolibarr, VPN, messagerie, sauvegardes, etc.), et permet le suivi et le paiement des missions par jalons.
        </p>
        <p className="mt-3 leading-relaxed">
          La création d’un compte emporte l’acceptation des CGU. Compagnon est réservée aux professionnels agissant pour les besoins de leur activité ; elle n’est pas ouverte aux consommateurs.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">2. Comptes et rôles</h2>
        <p className="mt-3 leading-relaxed">
          La connexion se fait par un lien à usage unique envoyé par e-mail. Chaque utilisateur est responsable de la sécurité de sa messagerie et des actions effectuées depuis son compte, et s’engage à fournir des informations exactes et à jour.
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li><strong>Organisation cliente</strong> : entreprise ou autre entité identifiée par son numéro SIREN. La personne qui la crée déclare être habilitée à l’engager. Elle peut inviter d’autres membres ; l’organisation répond des actes accomplis par ses membres sur la plateforme.</li>
          <li><strong>Expert</strong> : professionnel indépendant immatriculé (numéro SIRET), y compris sous le régime de la micro-entreprise, dont le profil a été validé par l’éditeur.</li>
          <li><strong>Administrateur</strong> : membre de l’équipe de l’éditeur chargé de la vérification des experts, de la modération, du support et du traitement des réclamations.</li>
        </ul>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">3. Vérification des experts</h2>
        <p className="mt-3 leading-relaxed">
          Avant de pouvoir proposer ses services, l’expert fournit notamment son numéro SIRET, une attestation de vigilance URSSAF de moins de six mois et une attestation d’assurance responsabilité civile professionnelle en cours de validité. Il s’engage à les renouveler à leur échéance ; à défaut, son profil peut être suspendu.
        </p>
        <p className="mt-3 leading-relaxed">
          L’éditeur contrôle la présence, la cohérence et la validité apparente de ces documents et peut s’entretenir avec l’expert. Cette vérification constitue une obligation de moyens : elle ne garantit ni les compétences de l’expert ni le résultat de ses prestations. L’éditeur met l’attestation de vigilance de l’expert à la disposition du client, qui reste tenu de sa propre obligation de vigilance (article L. 8222-1 du code du travail, pour les contrats d’au moins 5 000 € HT).
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">4. Demandes et propositions</h2>
        <p className="mt-3 leading-relaxed">
          Le client publie une demande décrivant son besoin. Les experts peuvent y répondre par une proposition indiquant le périmètre, le prix, les jalons (étapes avec livrable et montant) et les délais. Une proposition engage l’expert pendant sa durée de validité. Le client est libre de ne retenir aucune proposition.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">5. Contrat de mission entre le client et l’expert</h2>
        <p className="mt-3 leading-relaxed">
          L’acceptation d’une proposition par le client forme un contrat de prestation de services directement entre le client et l’expert (« contrat de mission »). Il comprend la proposition acceptée, les conditions de mission décrites dans les présentes CGU, l’accord de confidentialité et, le cas échéant, l’accord de traitement des données mentionnés à l’article 6.
        </p>
        <p className="mt-3 leading-relaxed">
          L’éditeur agit uniquement en qualité d’intermédiaire : il n’est pas partie au contrat de mission et n’est ni le prestataire ni l’employeur de l’expert. L’expert exerce en toute indépendance, organise librement son travail et n’est placé sous la subordination ni du client ni de l’éditeur. Il est seul responsable de l’exécution de ses prestations.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">6. Confidentialité et protection des données</h2>
        <p className="mt-3 leading-relaxed">
          Chaque contrat de mission inclut un accord de confidentialité par lequel l’expert s’engage à ne pas divulguer ni utiliser à d’autres fins les informations du client dont il a connaissance, pendant la mission et cinq ans après sa fin.
        </p>
        <p className="mt-3 leading-relaxed">
          Lorsque la mission conduit l’expert à traiter des données personnelles pour le compte du client (par exemple en administrant un serveur de messagerie), le contrat de mission inclut un accord de traitement des données conforme à l’article 28 du RGPD : le client est responsable du traitement, l’expert son sous-traitant. L’éditeur fournit des modèles de ces accords, acceptés par les parties lors de la formation du contrat ; il appartient à celles-ci de vérifier qu’ils sont adaptés à leur situation et de les compléter si nécessaire.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">7. Paiement par jalons</h2>
        <p className="mt-3 leading-relaxed">
          Le client provisionne chaque jalon avant son démarrage ; l’expert n’est tenu de commencer un jalon qu’une fois celui-ci provisionné. Les paiements sont traités par Stripe, prestataire de services de paiement agréé. Les fonds sont encaissés et conservés par Stripe pour le compte de la plateforme, et ne sont versés à l’expert qu’après validation du jalon par le client. L’expert doit ouvrir un compte de paiement Stripe et accepter les conditions de Stripe, qui peut exiger des justificatifs d’identité.
        </p>
        <h3 className="mt-4 font-semibold">Validation et validation automatique</h3>
        <p className="mt-3 leading-relaxed">
          Lorsque l’expert déclare un jalon livré, le client dispose de quatorze (14) jours pour le valider ou le contester de façon motivée. Un rappel lui est envoyé avant l’échéance. Sans réponse à l’issue de ce délai, le jalon est réputé validé et les fonds sont versés à l’expert.
        </p>
        <p className="mt-3 leading-relaxed">
          Si la mission est annulée avant la validation d’un jalon, les fonds correspondants sont reversés au client ou à l’expert selon l’accord écrit des parties ou, à défaut, selon la procédure prévue à l’article 10.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">8. Commission</h2>
        <p className="mt-3 leading-relaxed">
          L’utilisation de la plateforme est gratuite pour le client, qui paie le montant des jalons indiqué dans la proposition acceptée. En contrepartie de ses services, l’éditeur perçoit une commission prélevée sur le montant de chaque jalon versé à l’expert, au taux affiché sur la plateforme et rappelé à l’expert avant l’envoi de chaque proposition. Le taux applicable est celui en vigueur à la date d’acceptation de la proposition ; toute modification de la commission est annoncée au moins trente (30) jours à l’avance. La commission fait l’objet d’une facture de l’éditeur à l’expert.
        </p>
        <p className="mt-3 leading-relaxed">
          Le client et l’expert s’interdisent de régler en dehors de la plateforme une mission proposée ou conclue par son intermédiaire.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">9. Mandat de facturation</h2>
        <p className="mt-3 leading-relaxed">
          En créant son compte, l’expert donne mandat à l’éditeur, qui l’accepte, d’établir et d’émettre en son nom et pour son compte les factures adressées aux clients pour chaque jalon validé (facturation par un tiers mandaté, article 289, I-2 du code général des impôts). Les factures portent les mentions obligatoires et indiquent qu’elles sont émises par l’éditeur au nom et pour le compte de l’expert. Elles sont établies dans le respect des règles de facturation électronique applicables.
        </p>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>L’expert reste seul responsable de ses obligations de facturation, de TVA et de déclaration. Il tient à jour ses informations (dénomination, SIRET, numéro de TVA ou mention de franchise en base).</li>
          <li>Une copie de chaque facture est mise à disposition de l’expert, qui peut la contester dans un délai de quinze (15) jours ; passé ce délai, elle est réputée acceptée.</li>
          <li>L’expert s’interdit d’émettre lui-même une facture pour un jalon déjà facturé au titre du mandat.</li>
          <li>Le mandat prend fin à la clôture du compte expert, après facturation des jalons en cours.</li>
        </ul>
        <p className="mt-3 leading-relaxed">
          Conformément à l’article 242 bis du code général des impôts, l’éditeur informe les experts de leurs obligations fiscales et sociales et leur adresse chaque année un récapitulatif des montants perçus par son intermédiaire. Il transmet à l’administration fiscale les informations exigées des opérateurs de plateforme.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">10. Réclamations et litiges</h2>
        <p className="mt-3 leading-relaxed">
          En cas de désaccord sur un jalon, le client le conteste depuis la plateforme dans le délai de validation, en exposant ses motifs. Les fonds restent alors bloqués. L’éditeur examine les échanges et les livrables, peut demander des précisions à chaque partie et propose une solution amiable, en principe dans un délai de trente (30) jours. L’éditeur n’est pas un arbitre : sa proposition ne s’impose pas aux parties.
        </p>
        <p className="mt-3 leading-relaxed">
          Les fonds sont ensuite versés ou remboursés, en tout ou partie, selon l’accord écrit des parties ou une décision de justice exécutoire. À défaut d’accord, le litige est porté devant les juridictions compétentes. Les utilisateurs étant tous des professionnels, le dispositif de médiation de la consommation ne s’applique pas ; les parties restent libres de recourir d’un commun accord à une médiation conventionnelle.
        </p>
        <p className="mt-3 leading-relaxed">
          Toute réclamation concernant les services de l’éditeur est adressée par le <Link href="/contact" className="underline">formulaire de contact</Link> ou à <a href={`mailto:${p.email}`} className="underline">{p.email}</a> ; l’éditeur s’efforce d’y répondre dans un délai de trente (30) jours.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">11. Responsabilité</h2>
        <p className="mt-3 leading-relaxed">
          L’éditeur est tenu d’une obligation de moyens quant au fonctionnement de la plateforme. Il peut l’interrompre pour maintenance, en prévenant les utilisateurs dans la mesure du possible. Il n’est pas responsable de l’exécution des contrats de mission, de la qualité des prestations des experts, ni du contenu publié par les utilisateurs.
        </p>
        <p className="mt-3 leading-relaxed">
          Sauf faute lourde ou dolosive et sauf dommage corporel, la responsabilité de l’éditeur est limitée aux dommages directs et, tous faits confondus, au montant des commissions perçues par l’éditeur au titre des missions de l’utilisateur concerné au cours des douze (12) mois précédant le fait générateur. L’éditeur ne répond pas des dommages indirects tels que perte de chiffre d’affaires, de clientèle ou de données.
        </p>
        <p className="mt-3 leading-relaxed">
          Le client veille à disposer de sauvegardes à jour avant toute intervention sur ses systèmes. L’expert maintient une assurance de responsabilité civile professionnelle couvrant ses interventions. Aucune des parties n’est responsable d’un manquement dû à un cas de force majeure (article 1218 du code civil).
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">12. Suspension et clôture</h2>
        <p className="mt-3 leading-relaxed">
          L’éditeur peut suspendre ou clôturer un compte en cas de manquement aux CGU, de fraude, de document faux ou expiré, de contournement de la plateforme ou de comportement portant atteinte à d’autres utilisateurs. Sauf urgence ou obligation légale, l’utilisateur est informé au préalable des motifs et peut présenter ses observations. Les fonds des jalons en cours sont alors traités selon l’article 10.
        </p>
        <p className="mt-3 leading-relaxed">
          L’utilisateur peut clôturer son compte à tout moment, sous réserve de l’achèvement ou de la résolution des missions en cours.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">13. Données personnelles</h2>
        <p className="mt-3 leading-relaxed">
          L’éditeur traite les données des utilisateurs conformément à sa politique de confidentialité. Pour les données traitées par l’expert sur les systèmes du client, voir l’article 6.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">14. Modification des CGU</h2>
        <p className="mt-3 leading-relaxed">
          Les CGU, la politique de confidentialité et le mandat de facturation portent un numéro de version et une date d’entrée en vigueur ; les versions antérieures restent consultables (<Link href="/legal/terms/versions" className="underline">historique des versions</Link>). Toute nouvelle version est annoncée par e-mail et dans l’application au moins quinze (15) jours avant son entrée en vigueur, et au moins trente (30) jours lorsqu’elle modifie la commission ou d’autres frais. À la première connexion qui suit cette date, l’utilisateur est invité à accepter la nouvelle version ; son acceptation est enregistrée (version, date et heure). L’utilisateur qui la refuse peut clôturer son compte. Les contrats de mission déjà conclus restent régis par les conditions en vigueur lors de leur formation.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">15. Droit applicable et juridiction</h2>
        <p className="mt-3 leading-relaxed">
          Les CGU et les contrats de mission sont soumis au droit français. En cas de traduction, seule la version française fait foi. Avant toute action, les parties recherchent une solution amiable. À défaut, et dans la mesure où la loi le permet, tout litige avec l’éditeur relève des tribunaux compétents du ressort de son siège social.
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">16. Modération des contenus</h2>
        <p className="mt-3 leading-relaxed">
          Sont interdits sur la plateforme les contenus illicites, trompeurs (fausse qualification, faux document, faux avis), portant atteinte aux droits d’un tiers ou visant à contourner la plateforme. Toute personne peut signaler un contenu par le lien « Signaler » ou le <Link href="/contact" className="underline">formulaire de contact</Link>. Les signalements et les profils d’experts sont examinés par des administrateurs ; aucune décision de restriction n’est prise par un système automatisé.
        </p>
        <p className="mt-3 leading-relaxed">
          L’éditeur peut retirer ou dépublier un contenu, refuser ou suspendre un profil d’expert, suspendre un compte ou retenir un versement. Chaque décision est motivée (article 17 du règlement (UE) 2022/2065) : la personne concernée reçoit, dans l’application et par e-mail, ce qui est restreint, les faits et la règle appliquée, et la manière de contester la décision.
        </p>
      </section>

      <section>
        <h2 id="ranking" className="mt-8 text-xl font-semibold">17. Classement des résultats</h2>
        <p className="mt-3 leading-relaxed">
          Les demandes publiées sont classées par pertinence au regard des mots recherchés, puis de la plus récente à la plus ancienne ; les filtres choisis (type de mission, logiciel, département) ne font que restreindre la liste. Les demandes suggérées à un expert sont classées selon les logiciels et types de mission qu’elles partagent avec son profil. L’annuaire présente uniquement des experts vérifiés, classés selon leur correspondance avec les mots recherchés (texte du profil et niveau déclaré sur les logiciels cités), puis du plus récemment vérifié au plus ancien. Les propositions reçues par un client sont comparées selon le montant total qu’il paiera, TVA comprise. Aucun expert ne peut payer pour être mieux classé, et la commission de l’éditeur est la même pour tous (article L. 111-7 du code de la consommation et règlement (UE) 2019/1150).
        </p>
      </section>

      <section>
        <h2 className="mt-8 text-xl font-semibold">18. Contester une décision</h2>
        <p className="mt-3 leading-relaxed">
          Toute personne visée par une décision de modération, ou l’auteur d’un signalement, peut la contester gratuitement depuis la plateforme dans un délai de six (6) mois. La réclamation est examinée par un administrateur autre que celui qui a pris la première décision, qui rend une réponse motivée. La personne peut également saisir un organisme de règlement extrajudiciaire des litiges certifié (article 21 du règlement (UE) 2022/2065) ou les juridictions compétentes.
        </p>
      </section>
    </>
  );
}
