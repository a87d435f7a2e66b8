import type { ContractFacts } from "@/db/schema/contracts";
import { TRANSLATION_NOTICE_EN, clientParty, expertParty, missionSentence, priceSentence } from "./parties";
import type { DocumentSection } from "./types";

/** The NDA in English: a translation of the French text. */
export function ndaEn(facts: ContractFacts): { title: string; sections: DocumentSection[] } {
  const personalData = facts.personalData
    ? "Personal data that the Expert reaches during the mission is Confidential Information. Its processing is also governed by the data processing agreement entered into by the Parties under article 28 of Regulation (EU) 2016/679 (GDPR), which prevails over this agreement as regards such data."
    : "The mission, as described by the Client, does not involve access to personal data. Should the Expert nonetheless reach personal data, the Expert shall treat it as Confidential Information, refrain from consulting it beyond what the mission strictly requires, and inform the Client without delay so that an agreement under article 28 of Regulation (EU) 2016/679 (GDPR) is entered into before any processing.";
  return {
    title: "Non-disclosure agreement",
    sections: [
      { heading: "Translation", paragraphs: [TRANSLATION_NOTICE_EN] },
      {
        heading: "Between the undersigned",
        paragraphs: [clientParty(facts, "en", "the Client"), "and", expertParty(facts, "en", "the Expert"), "hereinafter together “the Parties”."],
      },
      {
        heading: "Recitals",
        paragraphs: [
          missionSentence(facts, "en", "the Client", "the Expert’s"),
          priceSentence(facts, "en"),
          "To carry out this mission, the Expert will receive confidential information of the Client and may access its information systems. This agreement sets out how that information is protected.",
        ],
      },
      {
        heading: "Article 1 – Purpose",
        paragraphs: [
          "The purpose of this agreement is to set out the terms on which the Expert undertakes to keep the Client’s Confidential Information confidential and to use it only for the purposes of the mission.",
        ],
      },
      {
        heading: "Article 2 – Confidential Information",
        paragraphs: [
          "“Confidential Information” means all information, in whatever form or medium (written, oral, electronic, visual), that the Client discloses to the Expert or that the Expert learns in the course of the mission, before or after this agreement is entered into, including in particular:",
          "a) the confidential details of the need published by the Client on the Compagnon platform (addresses, access details, names of customers or partners, description of the existing set-up);",
          "b) any information consulted or reached on the Client’s information systems (servers, workstations, software, accounts, mailboxes, networks, backups), including identifiers, passwords, keys, certificates, configurations, architecture diagrams, logs and the data stored on them;",
          "c) information on the Client’s organisation, business, customers, suppliers, employees, financial position, know-how and projects;",
          "d) vulnerabilities and security flaws found during the mission.",
        ],
      },
      {
        heading: "Article 3 – The Expert’s undertakings",
        paragraphs: [
          "The Expert undertakes to:",
          "a) use Confidential Information only to carry out the mission, and for no other purpose, whether on its own behalf or on behalf of a third party;",
          "b) not disclose it, directly or indirectly, to any third party without the Client’s prior written consent;",
          "c) disclose it only to those of its employees who need to know it to carry out the mission and to other persons whom the Client has authorised in writing to work on it, after binding them to a confidentiality obligation at least equivalent to this agreement, for whose compliance the Expert stands surety (porte-fort);",
          "d) protect it with at least the same care as its own confidential information, and in any event with reasonable care, in particular by keeping the Client’s credentials and access details only in an encrypted password manager;",
          "e) copy or reproduce it only as strictly necessary for the mission;",
          "f) inform the Client without delay of any loss of, unauthorised access to or disclosure of Confidential Information of which it becomes aware, and take reasonable steps to limit its consequences;",
          "g) not name the Client as a commercial reference without its prior written consent.",
        ],
      },
      {
        heading: "Article 4 – Exceptions",
        paragraphs: [
          "The obligations of article 3 do not apply to information which the Expert shows: a) was publicly available when disclosed or has since become so through no fault of the Expert; b) was lawfully held by the Expert before the Client disclosed it, free of any confidentiality obligation; c) was lawfully received from a third party free to disclose it, without any confidentiality obligation; d) was developed independently, without using Confidential Information.",
          "Where the law, a court decision or an administrative authority requires the Expert to disclose Confidential Information, the Expert shall inform the Client before any disclosure, to the extent permitted by law, and limit the disclosure to what is strictly required.",
        ],
      },
      { heading: "Article 5 – Personal data", paragraphs: [personalData] },
      {
        heading: "Article 6 – Term",
        paragraphs: [
          "This agreement takes effect on the date it is accepted by the last of the Parties and also applies to Confidential Information disclosed before that date. It remains in force throughout the contract entered into for the mission and for five (5) years after it ends, for whatever reason.",
          "Information that is a trade secret within the meaning of article L.\u00a0151-1 of the French Commercial Code remains protected beyond that period for as long as it retains that character.",
        ],
      },
      {
        heading: "Article 7 – Return and destruction",
        paragraphs: [
          "At the end of the mission, or earlier at the Client’s first request, the Expert shall return to the Client the Confidential Information it holds, then destroy all copies it has made on any medium (workstations, removable media, mailboxes, storage spaces), and delete any of the Client’s identifiers, passwords and access keys it has kept. The Expert shall confirm to the Client in writing, within fifteen (15) days, that this return and destruction have been carried out.",
          "Only copies that the Expert is required by law to keep (in particular for accounting or tax purposes) may be kept, for the required period; they remain subject to this agreement.",
        ],
      },
      {
        heading: "Article 8 – No transfer of rights",
        paragraphs: [
          "Disclosure of Confidential Information gives the Expert no ownership, licence or other right in it, other than its use to carry out the mission.",
        ],
      },
      {
        heading: "Article 9 – Breach",
        paragraphs: [
          "Any breach of this agreement by the Expert engages its liability under the ordinary rules of law. The Client may also apply to the courts, including in summary proceedings (référé), for any measure to prevent or stop an infringement of the confidentiality of its information.",
        ],
      },
      {
        heading: "Article 10 – Governing law and disputes",
        paragraphs: [
          "This agreement is governed by French law. The Parties shall seek to settle amicably any dispute relating to its formation, interpretation or performance. Failing agreement within thirty (30) days of written notice of the dispute by either Party, the dispute shall be brought before the court having jurisdiction under the ordinary rules.",
        ],
      },
      {
        heading: "Article 11 – General provisions",
        paragraphs: [
          "This agreement is entered into electronically: each Party accepts it on the Compagnon platform, which keeps the date of acceptance, the version of the accepted text and its digital fingerprint (SHA-256). Only the French text is binding.",
          "This agreement supplements, without replacing, any confidentiality undertaking accepted by the Expert when consulting the need on the platform; in case of conflict, the provision that better protects Confidential Information applies.",
          "If any provision of this agreement is held void or unenforceable, the other provisions remain in full force.",
        ],
      },
    ],
  };
}
