import type { Who } from "../action-world";

export const everyone: Who[] = ["anonymous", "newcomer", "clientOwner", "clientMember", "otherClient", "partyExpert", "otherExpert", "draftExpert", "admin", "pendingAdmin"];
export const demoOrg: Who[] = ["clientOwner", "clientMember"];
export const verifiedExperts: Who[] = ["partyExpert", "otherExpert"];
export const experts: Who[] = [...verifiedExperts, "draftExpert"];
