export type PolicyFailure = "unauthenticated" | "forbidden" | "second_factor_required";

/** Thrown when an actor may not do something; actions map it to a 401/403-like state. */
export class PolicyError extends Error {
  constructor(readonly code: PolicyFailure) {
    super(code);
    this.name = "PolicyError";
  }
}
