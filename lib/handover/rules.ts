import type { Contract, ContractFacts } from "@/db/schema";

/** An installation ends with a handover pack: the client must own what was installed. */
export function handoverRequired(facts: Pick<ContractFacts, "job">): boolean {
  return facts.job.kind === "installation";
}

/** The access register is kept on every contract but a training: installations and support both reach the client's systems. */
export function keepsAccessRegister(facts: ContractFacts): boolean {
  return !facts.training;
}

/** Accesses are recorded once the contract is under way (documents accepted), for as long as it lasts and after. */
export function registerOpen(contract: Pick<Contract, "status" | "activatedAt">): boolean {
  return contract.activatedAt !== null && contract.status !== "awaiting_documents";
}
