import type { ContractFacts } from "@/db/schema/contracts";
import { clientParty, expertParty, missionSentence, priceSentence } from "./parties";
import type { DocumentSection } from "./types";

/** The NDA in French: the binding text. */
export function ndaFr(facts: ContractFacts): { title: string; sections: DocumentSection[] } {
  const personalData = facts.personalData
    ? "Les données à caractère personnel auxquelles le Prestataire accède au cours de la mission sont des Informations confidentielles. Leur traitement est en outre régi par l’accord de sous-traitance conclu entre les Parties au titre de l’article 28 du règlement (UE) 2016/679 (RGPD), qui prévaut sur le présent accord pour ce qui les concerne."
    : "La mission, telle que décrite par le Client, ne prévoit pas d’accès à des données à caractère personnel. Si le Prestataire y accède néanmoins, il les traite comme des Informations confidentielles, s’abstient de les consulter au-delà de ce qui est strictement nécessaire à la mission et en informe le Client sans délai, afin qu’un accord au titre de l’article 28 du règlement (UE) 2016/679 (RGPD) soit conclu avant tout traitement.";
  return {
    title: "Accord de confidentialité",
    sections: [
      {
        heading: "Entre les soussignés",
        paragraphs: [clientParty(facts, "fr", "le Client"), "et", expertParty(facts, "fr", "le Prestataire"), "ci-après ensemble «\u00a0les Parties\u00a0»."],
      },
      {
        heading: "Préambule",
        paragraphs: [
          missionSentence(facts, "fr", "le Client", "du Prestataire"),
          priceSentence(facts, "fr"),
          "Pour réaliser cette mission, le Prestataire aura connaissance d’informations confidentielles du Client et pourra accéder à ses systèmes d’information. Le présent accord fixe les conditions dans lesquelles ces informations sont protégées.",
        ],
      },
      {
        heading: "Article 1 – Objet",
        paragraphs: [
          "Le présent accord a pour objet de définir les conditions dans lesquelles le Prestataire s’engage à préserver la confidentialité des Informations confidentielles du Client et à ne les utiliser que pour les besoins de la mission.",
        ],
      },
      {
        heading: "Article 2 – Informations confidentielles",
        paragraphs: [
          "Sont des «\u00a0Informations confidentielles\u00a0» toutes les informations, quels qu’en soient la forme et le support (écrit, oral, électronique, visuel), que le Client communique au Prestataire ou dont le Prestataire prend connaissance à l’occasion de la mission, avant comme après la conclusion du présent accord, et notamment\u00a0:",
          "a) les détails confidentiels du besoin publiés par le Client sur la plateforme Compagnon (adresses, accès, noms de clients ou de partenaires, description de l’existant)\u00a0;",
          "b) toute information consultée ou atteinte sur les systèmes d’information du Client (serveurs, postes de travail, logiciels, comptes, messageries, réseaux, sauvegardes), y compris les identifiants, mots de passe, clés, certificats, configurations, schémas d’architecture, journaux et données qui y sont stockées\u00a0;",
          "c) les informations relatives à l’organisation, aux activités, aux clients, aux fournisseurs, aux salariés, à la situation financière, au savoir-faire et aux projets du Client\u00a0;",
          "d) les vulnérabilités et failles de sécurité constatées au cours de la mission.",
        ],
      },
      {
        heading: "Article 3 – Engagements du Prestataire",
        paragraphs: [
          "Le Prestataire s’engage à\u00a0:",
          "a) n’utiliser les Informations confidentielles que pour réaliser la mission, à l’exclusion de toute autre fin, pour son compte ou celui d’un tiers\u00a0;",
          "b) ne pas les divulguer, ni directement ni indirectement, à quelque tiers que ce soit sans l’accord écrit préalable du Client\u00a0;",
          "c) ne les communiquer qu’à ceux de ses salariés qui ont besoin de les connaître pour réaliser la mission et aux autres personnes que le Client a autorisées par écrit à y intervenir, après les avoir soumis à une obligation de confidentialité au moins équivalente à celle du présent accord, dont il se porte fort\u00a0;",
          "d) les protéger avec au moins le même soin que ses propres informations confidentielles, et en tout état de cause avec un soin raisonnable, notamment en ne conservant les identifiants et accès du Client que dans un gestionnaire de mots de passe chiffré\u00a0;",
          "e) ne les copier ou reproduire que dans la mesure strictement nécessaire à la mission\u00a0;",
          "f) informer le Client sans délai de toute perte, de tout accès non autorisé ou de toute divulgation des Informations confidentielles dont il aurait connaissance, et prendre les mesures raisonnables pour en limiter les conséquences\u00a0;",
          "g) ne pas citer le Client comme référence commerciale sans son accord écrit préalable.",
        ],
      },
      {
        heading: "Article 4 – Exceptions",
        paragraphs: [
          "Les obligations de l’article 3 ne s’appliquent pas aux informations dont le Prestataire démontre\u00a0: a) qu’elles étaient accessibles au public au moment de leur communication ou le sont devenues depuis sans faute de sa part\u00a0; b) qu’il les détenait légitimement avant leur communication par le Client, sans obligation de confidentialité\u00a0; c) qu’il les a reçues légitimement d’un tiers libre d’en disposer, sans obligation de confidentialité\u00a0; d) qu’il les a développées de manière indépendante, sans utiliser d’Informations confidentielles.",
          "Lorsque la loi, une décision de justice ou une autorité administrative oblige le Prestataire à communiquer des Informations confidentielles, il en informe le Client avant toute communication, dans la mesure où la loi le permet, et limite la communication à ce qui est strictement exigé.",
        ],
      },
      { heading: "Article 5 – Données à caractère personnel", paragraphs: [personalData] },
      {
        heading: "Article 6 – Durée",
        paragraphs: [
          "Le présent accord prend effet à la date de son acceptation par la dernière des Parties et s’applique aussi aux Informations confidentielles communiquées avant cette date. Il reste en vigueur pendant toute la durée du contrat conclu pour la mission et pendant cinq (5) ans après son terme, quelle qu’en soit la cause.",
          "Les informations qui constituent un secret des affaires au sens de l’article L.\u00a0151-1 du code de commerce restent protégées, au-delà de ce délai, tant qu’elles conservent ce caractère.",
        ],
      },
      {
        heading: "Article 7 – Restitution et destruction",
        paragraphs: [
          "Au terme de la mission, ou plus tôt à la première demande du Client, le Prestataire restitue au Client les Informations confidentielles qu’il détient, puis détruit toutes les copies qu’il en a faites, sur quelque support que ce soit (postes de travail, supports amovibles, messageries, espaces de stockage), et supprime les identifiants, mots de passe et clés d’accès du Client qu’il a conservés. Il confirme par écrit au Client, dans les quinze (15) jours, que cette restitution et cette destruction ont été effectuées.",
          "Seules les copies dont la conservation est imposée au Prestataire par la loi (notamment comptable ou fiscale) peuvent être conservées, pour la durée requise\u00a0; elles restent soumises au présent accord.",
        ],
      },
      {
        heading: "Article 8 – Absence de transfert de droits",
        paragraphs: [
          "La communication d’Informations confidentielles ne confère au Prestataire aucun droit de propriété, aucune licence ni aucun autre droit sur celles-ci, en dehors de leur utilisation pour réaliser la mission.",
        ],
      },
      {
        heading: "Article 9 – Manquement",
        paragraphs: [
          "Tout manquement du Prestataire au présent accord engage sa responsabilité dans les conditions du droit commun. Le Client peut en outre demander en justice, y compris en référé, toute mesure propre à prévenir ou faire cesser une atteinte à la confidentialité de ses informations.",
        ],
      },
      {
        heading: "Article 10 – Droit applicable et litiges",
        paragraphs: [
          "Le présent accord est soumis au droit français. Les Parties s’efforcent de régler à l’amiable tout différend relatif à sa formation, son interprétation ou son exécution. À défaut d’accord dans un délai de trente (30) jours à compter de la notification écrite du différend par l’une des Parties, le litige est porté devant la juridiction compétente selon les règles de droit commun.",
        ],
      },
      {
        heading: "Article 11 – Dispositions générales",
        paragraphs: [
          "Le présent accord est conclu par voie électronique\u00a0: chaque Partie l’accepte sur la plateforme Compagnon, qui conserve la date de l’acceptation, la version du texte accepté et son empreinte numérique (SHA-256). Le texte français fait seul foi.",
          "Le présent accord complète, sans le remplacer, tout engagement de confidentialité accepté par le Prestataire lors de la consultation du besoin sur la plateforme\u00a0; en cas de contradiction, la stipulation la plus protectrice des Informations confidentielles s’applique.",
          "Si l’une des stipulations du présent accord est déclarée nulle ou inapplicable, les autres stipulations conservent leur plein effet.",
        ],
      },
    ],
  };
}
