/** What the declaration lacks about a seller; `blocking` ones keep the XML from being valid. */
export type MissingSellerData = "legalForm" | "siren" | "address" | "firstName" | "lastName" | "birthDate" | "financialAccount";
const BLOCKING: MissingSellerData[] = ["address", "firstName", "lastName", "birthDate"];

export const isBlocking = (missing: MissingSellerData) => BLOCKING.includes(missing);
