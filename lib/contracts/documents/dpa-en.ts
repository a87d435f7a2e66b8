import type { ContractFacts } from "@/db/schema/contracts";
import { dataCategoryLabel, dataSubjectLabel, present } from "./format";
import { TRANSLATION_NOTICE_EN, clientParty, expertParty, missionName, missionPeriod, missionPlace, missionSentence } from "./parties";
import type { DocumentSection } from "./types";

const NATURE: Record<string, string> = {
  installation:
    "installation, configuration and commissioning of software and servers, which may involve consulting, taking over, migrating, structuring, backing up and restoring existing data",
  support_one_off: "diagnosis and resolution of incidents, which may involve consulting, occasionally extracting, modifying, backing up and restoring data",
  support_monthly: "corrective and preventive maintenance, updates, monitoring and backups, which may involve consulting, modifying, backing up and restoring data",
  training: "user training, which may involve consulting real data during demonstrations or exercises on the Controller’s systems",
};
const NATURE_DEFAULT = "technical work on the Controller’s information systems, which may involve consulting, modifying, backing up and restoring data";

export const HEALTH_WARNING_EN =
  "Health data: the data processed includes data concerning health, which belongs to the special categories of data of article 9 GDPR. Its processing is prohibited unless one of the exceptions in article 9(2) applies, which it is for the Controller to ensure. The Processor accesses it as little as possible, does not extract or copy it outside the Controller’s systems and never uses it for tests or training. If the mission leads the Processor to host health data on the Controller’s behalf, the Parties first check whether the health data hosting certification required by article L.\u00a01111-8 of the French Public Health Code applies.";

function categories(facts: ContractFacts): string[] {
  const data = facts.job.dataCategories;
  const people = facts.job.dataSubjects;
  const paragraphs = [
    data.length
      ? `Categories of personal data processed: ${data.map((c) => dataCategoryLabel(c, "en")).join("; ")}.`
      : "Categories of personal data processed: they were not specified when the need was published. The Controller specifies them in writing before processing begins.",
    people.length
      ? `Categories of data subjects: ${people.map((s) => dataSubjectLabel(s, "en")).join("; ")}.`
      : "Categories of data subjects: they were not specified when the need was published. The Controller specifies them in writing before processing begins.",
  ];
  if (data.includes("health")) paragraphs.push(HEALTH_WARNING_EN);
  paragraphs.push(
    "The Processor accesses only the data strictly necessary for the mission. Should it find that the mission exposes it to other categories of data or data subjects, it informs the Controller without delay; this agreement applies to such data.",
  );
  return paragraphs;
}

/** The GDPR art. 28 data processing agreement in English: a translation of the French text. */
export function dpaEn(facts: ContractFacts): { title: string; sections: DocumentSection[] } {
  const kind = present(facts.job.kind);
  const place = missionPlace(facts, "en");
  return {
    title: "Personal data processing agreement (article 28 GDPR)",
    sections: [
      { heading: "Translation", paragraphs: [TRANSLATION_NOTICE_EN] },
      {
        heading: "Between the undersigned",
        paragraphs: [clientParty(facts, "en", "the Controller"), "and", expertParty(facts, "en", "the Processor"), "hereinafter together “the Parties”."],
      },
      {
        heading: "Recitals",
        paragraphs: [
          missionSentence(facts, "en", "the Controller", "the Processor’s"),
          "To carry out this mission, the Processor processes personal data on behalf of the Controller. This agreement, entered into under article 28 of Regulation (EU) 2016/679 of 27 April 2016 (“GDPR”) and French Act no.\u00a078-17 of 6 January 1978 on information technology, data files and civil liberties, sets out the terms of that processing.",
        ],
      },
      {
        heading: "Article 1 – Subject-matter and duration of the processing",
        paragraphs: [
          `Subject-matter: the processing concerns the personal data that the Processor reaches in order to carry out the mission ${missionName(facts, "en")}.`,
          `Duration: the processing takes place during the mission, planned ${missionPeriod(facts, "en")}. This agreement applies from its acceptance by both Parties until all data processed has been returned or destroyed under article 11, including if the mission extends beyond the planned date.`,
        ],
      },
      {
        heading: "Article 2 – Nature and purpose of the processing",
        paragraphs: [
          `Nature: ${(kind && NATURE[kind]) || NATURE_DEFAULT}.${place ? ` The mission is carried out ${place}.` : ""}`,
          "Purpose: the sole purpose of the processing is to carry out the mission on behalf of the Controller. The Processor shall not process the data for any other purpose, in particular on its own behalf, nor exploit, analyse or disclose it beyond what the mission requires.",
        ],
      },
      { heading: "Article 3 – Categories of data and of data subjects", paragraphs: categories(facts) },
      {
        heading: "Article 4 – Documented instructions",
        paragraphs: [
          "The Processor processes the data only on documented instructions from the Controller, including with regard to transfers of personal data to a third country or an international organisation, unless required to do so by Union or Member State law to which the Processor is subject; in such a case, the Processor informs the Controller of that legal requirement before processing, unless that law prohibits such information on important grounds of public interest.",
          "The Controller’s instructions are set out in this agreement, in the contract entered into for the mission and in the written messages the Controller sends to the Processor, in particular through the Compagnon platform’s messaging.",
          "The Processor immediately informs the Controller if, in its opinion, an instruction infringes the GDPR or other Union or Member State data protection provisions.",
        ],
      },
      {
        heading: "Article 5 – Confidentiality",
        paragraphs: [
          "The Processor ensures that persons authorised to process the data have committed themselves to confidentiality or are under an appropriate statutory obligation of confidentiality, and receive the necessary data protection awareness. The data is also confidential information within the meaning of the non-disclosure agreement entered into by the Parties.",
        ],
      },
      {
        heading: "Article 6 – Security of processing",
        paragraphs: [
          "The Processor implements the appropriate technical and organisational measures required by article 32 GDPR to ensure a level of security appropriate to the risk, and at least the following measures:",
          "a) Encrypted connections: it accesses systems and data only through encrypted connections (SSH, HTTPS/TLS or virtual private network – VPN), and never through an unencrypted protocol (Telnet, FTP, HTTP) across a public network.",
          "b) Credentials: it uses personal, unique and strong credentials, never shared or reused, kept in an encrypted password manager; it enables multi-factor authentication wherever the systems allow it, and always for remote administration; its SSH keys are protected by a passphrase.",
          "c) Least privilege: its access is limited to the accounts, systems and data needed for the mission; it uses administrative rights only for operations that require them; accounts created for the mission are disabled when it ends.",
          "d) No copy to personal devices: it copies no data to personal devices, removable media, mailboxes or online storage; the data stays on the Controller’s systems. A copy that the mission cannot do without, for instance for a migration, is made only with the Controller’s prior written consent, on an encrypted medium, and destroyed as soon as it is no longer needed.",
          "e) Workstation: the workstation it uses is up to date with security patches, its disk is fully encrypted, its session locks automatically and it is not shared with third parties.",
          "f) Logging: it keeps logging of access and administrative operations on the systems enabled and never disables it; it keeps a log of its interventions (date, systems concerned, operations carried out), which it hands to the Controller on request and at the end of the mission.",
          "g) Patching: it applies security updates to the software it installs or maintains within the mission, without delay for critical vulnerabilities, and reports to the Controller any known vulnerability it cannot fix within that scope.",
          "h) Integrity: before any operation likely to alter or delete data, it makes sure that a recent, restorable backup exists.",
          "i) Minimisation: it uses fictitious or pseudonymised data for tests and training whenever possible.",
        ],
      },
      {
        heading: "Article 7 – Sub-processing",
        paragraphs: [
          "The Processor shall not engage another processor without the prior specific written authorisation of the Controller. This prohibition also covers any third-party service to which data would be entrusted, such as an online tool, an artificial intelligence service or a file sharing service.",
          "Where a sub-processor is authorised, the Processor imposes on it by contract the same data protection obligations as those in this agreement, in particular sufficient guarantees to implement appropriate security measures. The Processor remains fully liable to the Controller for the performance of that sub-processor’s obligations.",
        ],
      },
      {
        heading: "Article 8 – Location of the data",
        paragraphs: [
          "The data is processed and, where applicable, stored in the European Union. No data is transferred or made accessible outside the European Union, including through remote access, without the Controller’s prior written authorisation and, in that case, only in compliance with chapter V GDPR.",
        ],
      },
      {
        heading: "Article 9 – Assistance to the Controller",
        paragraphs: [
          "Data subjects’ rights: the Processor assists the Controller by appropriate technical and organisational measures, insofar as possible, in fulfilling its obligation to respond to requests to exercise the data subjects’ rights laid down in chapter III GDPR (access, rectification, erasure, restriction, portability, objection). It forwards to the Controller, upon receipt, any such request it receives and does not answer it itself unless instructed otherwise.",
          "Obligations under articles 32 to 36: taking into account the nature of the processing and the information available to it, the Processor assists the Controller in ensuring compliance with its obligations on security of processing, notification of personal data breaches to the supervisory authority and communication to data subjects, data protection impact assessment and prior consultation of the supervisory authority.",
        ],
      },
      {
        heading: "Article 10 – Personal data breach",
        paragraphs: [
          "The Processor notifies the Controller in writing of any personal data breach without undue delay and at the latest forty-eight (48) hours after becoming aware of it. The notification describes, where possible, the nature of the breach, the categories and approximate number of data subjects and records concerned, its likely consequences, the measures taken or proposed to address it and mitigate its effects, and the contact person. Information that cannot be provided at the same time is provided afterwards without undue further delay.",
          "The Processor immediately takes reasonable protective measures, documents the breach and does not notify it to the supervisory authority or to data subjects without the instructions of the Controller, whose responsibility those notifications are.",
        ],
      },
      {
        heading: "Article 11 – Fate of the data at the end of the mission",
        paragraphs: [
          "At the end of the mission, or earlier at the Controller’s request, the Processor, as the Controller chooses and tells it in writing, returns all personal data to the Controller or deletes it, then destroys all existing copies, including backups, exports and working files, unless Union or Member State law requires their storage.",
          "Within fifteen (15) days of the end of the mission, the Processor gives the Controller a written certificate of return or destruction of all the data. It deletes any of the Controller’s credentials and access details it has kept.",
        ],
      },
      {
        heading: "Article 12 – Information and audits",
        paragraphs: [
          "The Processor makes available to the Controller all information necessary to demonstrate compliance with the obligations laid down in article 28 GDPR and in this agreement, in particular its log of interventions, and allows for and contributes to audits, including inspections, conducted by the Controller or by an auditor mandated by it and bound by confidentiality. Except after a data breach, an audit is announced at least fifteen (15) days in advance and its costs are borne by the Controller.",
          "Where article 30 GDPR requires it, the Processor keeps a record of the categories of processing activities carried out on behalf of the Controller, and gives the Controller the name and contact details of its data protection officer if it has designated one.",
        ],
      },
      {
        heading: "Article 13 – The Controller’s obligations",
        paragraphs: [
          "The Controller ensures that the processing has a legal basis and that data subjects are informed; it documents its instructions in writing, gives the Processor only the access needed for the mission, ensures the Processor’s compliance with the GDPR throughout the processing, and at the end of the mission disables or changes the access it opened for the Processor.",
        ],
      },
      {
        heading: "Article 14 – General provisions",
        paragraphs: [
          "Each Party is liable for damage caused by processing that breaches its obligations, under article 82 GDPR. Obligations of this agreement which by their nature survive its end (confidentiality, return and destruction, information) remain in force.",
          "As regards personal data, this agreement prevails over any other term agreed between the Parties for the mission. It is governed by French law; the competent supervisory authority is the French Commission nationale de l’informatique et des libertés (CNIL).",
          "This agreement is entered into electronically: each Party accepts it on the Compagnon platform, which keeps the date of acceptance, the version of the accepted text and its digital fingerprint (SHA-256). Only the French text is binding.",
        ],
      },
    ],
  };
}
