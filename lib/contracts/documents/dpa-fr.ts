import type { ContractFacts } from "@/db/schema/contracts";
import { dataCategoryLabel, dataSubjectLabel, present } from "./format";
import { clientParty, expertParty, missionName, missionPeriod, missionPlace, missionSentence } from "./parties";
import type { DocumentSection } from "./types";

const NATURE: Record<string, string> = {
  installation:
    "installation, paramétrage et mise en service de logiciels et de serveurs, pouvant impliquer la consultation, la reprise, la migration, la structuration, la sauvegarde et la restauration de données existantes",
  support_one_off: "diagnostic et résolution d’incidents, pouvant impliquer la consultation, l’extraction ponctuelle, la modification, la sauvegarde et la restauration de données",
  support_monthly:
    "maintenance corrective et préventive, mises à jour, supervision et sauvegardes, pouvant impliquer la consultation, la modification, la sauvegarde et la restauration de données",
  training: "formation des utilisateurs, pouvant impliquer la consultation de données réelles lors de démonstrations ou d’exercices sur les systèmes du Responsable du traitement",
};
const NATURE_DEFAULT =
  "intervention technique sur les systèmes d’information du Responsable du traitement, pouvant impliquer la consultation, la modification, la sauvegarde et la restauration de données";

export const HEALTH_WARNING_FR =
  "Données de santé\u00a0: parmi les données traitées figurent des données concernant la santé, qui relèvent des catégories particulières de données de l’article 9 du RGPD. Leur traitement est interdit sauf si l’une des exceptions prévues à l’article 9, paragraphe 2, s’applique, ce dont le Responsable du traitement s’assure. Le Sous-traitant y accède le moins possible, ne les extrait ni ne les copie hors des systèmes du Responsable du traitement et ne les utilise jamais pour des essais ou des formations. Si la mission conduit le Sous-traitant à héberger des données de santé pour le compte du Responsable du traitement, les Parties vérifient au préalable si la certification d’hébergeur de données de santé prévue à l’article L.\u00a01111-8 du code de la santé publique est requise.";

function categories(facts: ContractFacts): string[] {
  const data = facts.job.dataCategories;
  const people = facts.job.dataSubjects;
  const paragraphs = [
    data.length
      ? `Catégories de données à caractère personnel traitées\u00a0: ${data.map((c) => dataCategoryLabel(c, "fr")).join("\u00a0; ")}.`
      : "Catégories de données à caractère personnel traitées\u00a0: elles n’ont pas été précisées lors de la publication du besoin. Le Responsable du traitement les précise par écrit avant le début du traitement.",
    people.length
      ? `Catégories de personnes concernées\u00a0: ${people.map((s) => dataSubjectLabel(s, "fr")).join("\u00a0; ")}.`
      : "Catégories de personnes concernées\u00a0: elles n’ont pas été précisées lors de la publication du besoin. Le Responsable du traitement les précise par écrit avant le début du traitement.",
  ];
  if (data.includes("health")) paragraphs.push(HEALTH_WARNING_FR);
  paragraphs.push(
    "Le Sous-traitant n’accède qu’aux données strictement nécessaires à la mission. S’il constate que la mission l’expose à d’autres catégories de données ou de personnes, il en informe sans délai le Responsable du traitement\u00a0; le présent accord s’applique à ces données.",
  );
  return paragraphs;
}

/** The GDPR art. 28 data processing agreement in French: the binding text. */
export function dpaFr(facts: ContractFacts): { title: string; sections: DocumentSection[] } {
  const kind = present(facts.job.kind);
  const place = missionPlace(facts, "fr");
  return {
    title: "Accord de sous-traitance de données à caractère personnel (article 28 du RGPD)",
    sections: [
      {
        heading: "Entre les soussignés",
        paragraphs: [
          clientParty(facts, "fr", "le Responsable du traitement"),
          "et",
          expertParty(facts, "fr", "le Sous-traitant"),
          "ci-après ensemble «\u00a0les Parties\u00a0».",
        ],
      },
      {
        heading: "Préambule",
        paragraphs: [
          missionSentence(facts, "fr", "le Responsable du traitement", "du Sous-traitant"),
          "Pour réaliser cette mission, le Sous-traitant traite des données à caractère personnel pour le compte du Responsable du traitement. Le présent accord, conclu en application de l’article 28 du règlement (UE) 2016/679 du 27 avril 2016 («\u00a0RGPD\u00a0») et de la loi n°\u00a078-17 du 6 janvier 1978 relative à l’informatique, aux fichiers et aux libertés, fixe les conditions de ce traitement.",
        ],
      },
      {
        heading: "Article 1 – Objet et durée du traitement",
        paragraphs: [
          `Objet\u00a0: le traitement porte sur les données à caractère personnel auxquelles le Sous-traitant accède pour réaliser la mission ${missionName(facts, "fr")}.`,
          `Durée\u00a0: le traitement a lieu pendant la mission, prévue ${missionPeriod(facts, "fr")}. Le présent accord s’applique dès son acceptation par les deux Parties et jusqu’à la restitution ou la destruction de toutes les données traitées, dans les conditions de l’article 11, y compris si la mission se prolonge au-delà de la date prévue.`,
        ],
      },
      {
        heading: "Article 2 – Nature et finalité du traitement",
        paragraphs: [
          `Nature\u00a0: ${(kind && NATURE[kind]) || NATURE_DEFAULT}.${place ? ` La mission est réalisée ${place}.` : ""}`,
          "Finalité\u00a0: le traitement a pour seule finalité la réalisation de la mission pour le compte du Responsable du traitement. Le Sous-traitant s’interdit de traiter les données pour toute autre finalité, notamment pour son propre compte, et de les exploiter, les analyser ou les communiquer au-delà de ce que la mission exige.",
        ],
      },
      { heading: "Article 3 – Catégories de données et de personnes concernées", paragraphs: categories(facts) },
      {
        heading: "Article 4 – Instructions documentées",
        paragraphs: [
          "Le Sous-traitant ne traite les données que sur instruction documentée du Responsable du traitement, y compris en ce qui concerne les transferts de données vers un pays tiers ou à une organisation internationale, à moins qu’il ne soit tenu d’y procéder en vertu du droit de l’Union ou du droit de l’État membre auquel il est soumis\u00a0; dans ce cas, il informe le Responsable du traitement de cette obligation juridique avant le traitement, sauf si ce droit interdit une telle information pour des motifs importants d’intérêt public.",
          "Les instructions du Responsable du traitement résultent du présent accord, du contrat conclu pour la mission et des messages écrits qu’il adresse au Sous-traitant, notamment par la messagerie de la plateforme Compagnon.",
          "Le Sous-traitant informe immédiatement le Responsable du traitement si, selon lui, une instruction constitue une violation du RGPD ou d’autres dispositions du droit de l’Union ou du droit des États membres relatives à la protection des données.",
        ],
      },
      {
        heading: "Article 5 – Confidentialité",
        paragraphs: [
          "Le Sous-traitant veille à ce que les personnes autorisées à traiter les données s’engagent à en respecter la confidentialité ou soient soumises à une obligation légale appropriée de confidentialité, et reçoivent la sensibilisation nécessaire à la protection des données. Ces données sont en outre des informations confidentielles au sens de l’accord de confidentialité conclu entre les Parties.",
        ],
      },
      {
        heading: "Article 6 – Sécurité du traitement",
        paragraphs: [
          "Le Sous-traitant met en œuvre les mesures techniques et organisationnelles appropriées prévues à l’article 32 du RGPD afin de garantir un niveau de sécurité adapté au risque, et au minimum les mesures suivantes\u00a0:",
          "a) Connexions chiffrées\u00a0: il n’accède aux systèmes et aux données que par des connexions chiffrées (SSH, HTTPS/TLS ou réseau privé virtuel – VPN), et jamais par un protocole non chiffré (Telnet, FTP, HTTP) à travers un réseau public.",
          "b) Identifiants\u00a0: il utilise des identifiants personnels, uniques et robustes, jamais partagés ni réutilisés, conservés dans un gestionnaire de mots de passe chiffré\u00a0; il active l’authentification multifacteur partout où les systèmes le permettent, et toujours pour l’administration à distance\u00a0; ses clés SSH sont protégées par une phrase de passe.",
          "c) Moindre privilège\u00a0: ses accès sont limités aux comptes, systèmes et données nécessaires à la mission\u00a0; il n’utilise les droits d’administration que pour les opérations qui l’exigent\u00a0; les comptes créés pour la mission sont désactivés à son terme.",
          "d) Aucune copie sur des équipements personnels\u00a0: il ne copie aucune donnée sur des équipements, supports amovibles, messageries ou espaces de stockage en ligne personnels\u00a0; les données restent sur les systèmes du Responsable du traitement. Une copie indispensable à la mission, par exemple pour une migration, n’est faite qu’avec l’accord écrit préalable du Responsable du traitement, sur un support chiffré, et détruite dès qu’elle n’est plus nécessaire.",
          "e) Poste de travail\u00a0: le poste qu’il utilise est à jour de ses correctifs de sécurité, son disque est entièrement chiffré, sa session se verrouille automatiquement et il n’est pas partagé avec des tiers.",
          "f) Journalisation\u00a0: il maintient la journalisation des accès et des opérations d’administration sur les systèmes et ne la désactive jamais\u00a0; il tient un journal de ses interventions (date, systèmes concernés, opérations réalisées), qu’il remet au Responsable du traitement sur demande et au terme de la mission.",
          "g) Correctifs\u00a0: il applique les mises à jour de sécurité des logiciels qu’il installe ou maintient dans le cadre de la mission, sans délai pour les vulnérabilités critiques, et signale au Responsable du traitement toute vulnérabilité connue qu’il ne peut pas corriger dans ce cadre.",
          "h) Intégrité\u00a0: avant toute opération susceptible d’altérer ou de supprimer des données, il s’assure qu’une sauvegarde récente et restaurable existe.",
          "i) Minimisation\u00a0: il utilise des données fictives ou pseudonymisées pour les essais et les formations chaque fois que c’est possible.",
        ],
      },
      {
        heading: "Article 7 – Sous-traitance ultérieure",
        paragraphs: [
          "Le Sous-traitant ne recrute aucun autre sous-traitant sans l’autorisation écrite préalable et spécifique du Responsable du traitement. Cette interdiction vise aussi tout service tiers auquel des données seraient confiées, tel qu’un outil en ligne, un service d’intelligence artificielle ou un service de partage de fichiers.",
          "Lorsqu’un sous-traitant ultérieur est autorisé, le Sous-traitant lui impose par contrat les mêmes obligations en matière de protection des données que celles du présent accord, en particulier des garanties suffisantes quant à la mise en œuvre de mesures de sécurité appropriées. Le Sous-traitant demeure pleinement responsable devant le Responsable du traitement de l’exécution par ce sous-traitant ultérieur de ses obligations.",
        ],
      },
      {
        heading: "Article 8 – Localisation des données",
        paragraphs: [
          "Les données sont traitées et, le cas échéant, stockées dans l’Union européenne. Aucune donnée n’est transférée ni rendue accessible hors de l’Union européenne, y compris par un accès à distance, sans l’autorisation écrite préalable du Responsable du traitement et, dans ce cas, uniquement dans le respect du chapitre V du RGPD.",
        ],
      },
      {
        heading: "Article 9 – Assistance au Responsable du traitement",
        paragraphs: [
          "Droits des personnes\u00a0: le Sous-traitant aide le Responsable du traitement, par des mesures techniques et organisationnelles appropriées et dans toute la mesure du possible, à s’acquitter de son obligation de donner suite aux demandes d’exercice des droits des personnes concernées prévues au chapitre III du RGPD (accès, rectification, effacement, limitation, portabilité, opposition). Il transmet au Responsable du traitement, dès réception, toute demande qui lui parviendrait et n’y répond pas lui-même sauf instruction contraire.",
          "Obligations des articles 32 à 36\u00a0: compte tenu de la nature du traitement et des informations dont il dispose, le Sous-traitant aide le Responsable du traitement à garantir le respect de ses obligations relatives à la sécurité du traitement, à la notification des violations de données à l’autorité de contrôle et à la communication aux personnes concernées, à l’analyse d’impact relative à la protection des données et à la consultation préalable de l’autorité de contrôle.",
        ],
      },
      {
        heading: "Article 10 – Violation de données à caractère personnel",
        paragraphs: [
          "Le Sous-traitant notifie par écrit au Responsable du traitement toute violation de données à caractère personnel, dans les meilleurs délais et au plus tard quarante-huit (48) heures après en avoir pris connaissance. La notification décrit, dans la mesure du possible, la nature de la violation, les catégories et le nombre approximatif de personnes et d’enregistrements concernés, ses conséquences probables, les mesures prises ou proposées pour y remédier et en atténuer les effets, ainsi que la personne à contacter. Les informations qui ne peuvent être fournies en même temps le sont ensuite sans retard indu.",
          "Le Sous-traitant prend immédiatement les mesures conservatoires raisonnables, documente la violation et ne la notifie ni à l’autorité de contrôle ni aux personnes concernées sans instruction du Responsable du traitement, à qui ces notifications incombent.",
        ],
      },
      {
        heading: "Article 11 – Sort des données au terme de la mission",
        paragraphs: [
          "Au terme de la mission, ou plus tôt à la demande du Responsable du traitement, le Sous-traitant, selon le choix que le Responsable du traitement lui indique par écrit, lui restitue toutes les données à caractère personnel ou les supprime, puis détruit toutes les copies existantes, y compris les sauvegardes, exports et fichiers de travail, à moins que le droit de l’Union ou le droit d’un État membre n’exige leur conservation.",
          "Dans les quinze (15) jours suivant la fin de la mission, le Sous-traitant remet au Responsable du traitement une attestation écrite de restitution ou de destruction de toutes les données. Il supprime les identifiants et accès du Responsable du traitement qu’il a conservés.",
        ],
      },
      {
        heading: "Article 12 – Information et audits",
        paragraphs: [
          "Le Sous-traitant met à la disposition du Responsable du traitement toutes les informations nécessaires pour démontrer le respect des obligations prévues à l’article 28 du RGPD et au présent accord, notamment son journal d’interventions, et permet la réalisation d’audits, y compris d’inspections, par le Responsable du traitement ou un auditeur qu’il a mandaté, tenu à la confidentialité, et y contribue. Sauf violation de données, un audit est annoncé au moins quinze (15) jours à l’avance et ses frais sont à la charge du Responsable du traitement.",
          "Le Sous-traitant tient, lorsque l’article 30 du RGPD l’y oblige, un registre des catégories d’activités de traitement effectuées pour le compte du Responsable du traitement, et lui communique le nom et les coordonnées de son délégué à la protection des données s’il en a désigné un.",
        ],
      },
      {
        heading: "Article 13 – Obligations du Responsable du traitement",
        paragraphs: [
          "Le Responsable du traitement s’assure que le traitement repose sur une base légale et que les personnes concernées sont informées\u00a0; il documente par écrit ses instructions, ne donne au Sous-traitant que les accès nécessaires à la mission, veille au respect du RGPD par le Sous-traitant pendant toute la durée du traitement, et désactive ou modifie au terme de la mission les accès qu’il lui a ouverts.",
        ],
      },
      {
        heading: "Article 14 – Dispositions générales",
        paragraphs: [
          "Chaque Partie répond des dommages causés par un traitement qui ne respecte pas ses obligations, dans les conditions de l’article 82 du RGPD. Les obligations du présent accord qui, par nature, survivent à son terme (confidentialité, restitution et destruction, information) restent en vigueur.",
          "Pour ce qui concerne les données à caractère personnel, le présent accord prévaut sur toute autre stipulation convenue entre les Parties pour la mission. Il est soumis au droit français\u00a0; l’autorité de contrôle compétente est la Commission nationale de l’informatique et des libertés (CNIL).",
          "Le présent accord est conclu par voie électronique\u00a0: chaque Partie l’accepte sur la plateforme Compagnon, qui conserve la date de l’acceptation, la version du texte accepté et son empreinte numérique (SHA-256). Le texte français fait seul foi.",
        ],
      },
    ],
  };
}
