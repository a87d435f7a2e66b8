import { checkProductionConfig } from "../../lib/config/production-checks";

/**
 * Production start (no --demo, no --dev): prints each refusal on a line of its own and exits
 * with code 1 when there is any; prints the warnings (a missing mail provider…) loudly otherwise.
 */
export function refuseBadProductionConfig(prefix: string): void {
  const { problems, warnings } = checkProductionConfig(process.env);
  for (const warning of warnings) console.warn(`${prefix} WARNING: ${warning}`);
  if (problems.length === 0) return;
  for (const problem of problems) console.error(`${prefix} ${problem}`);
  console.error(`${prefix} refusing to start in production (see README, "Production"; \`npm run demo\` needs no configuration)`);
  process.exit(1);
}
