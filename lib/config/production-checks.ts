/**
 * What `npm start` refuses in production (no --demo, no --dev), one line per problem, and what
 * it only warns about. Reads the raw environment (after .env): an empty value means unset.
 * Imports only plain helpers (no app, no env), so the launcher can run it before anything else.
 */
import { DEMO_MARK, DEMO_PLATFORM_IDENTITY, PLATFORM_VARIABLES, platformIdentityFrom, platformIdentityProblems } from "./platform-identity";

export type RawEnv = Record<string, string | undefined>;

export interface ConfigReport {
  problems: string[];
  warnings: string[];
}

export const MIN_SECRET_LENGTH = 32;
export const MIN_SECRET_DISTINCT_CHARACTERS = 10;
/** Bits per character; `openssl rand -hex 16` gives about 3.6, `-base64 33` about 5. */
export const MIN_SECRET_ENTROPY_BITS = 3;

/** Shannon entropy of the string's characters, in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...text].length;
  let bits = 0;
  for (const count of counts.values()) bits -= (count / length) * Math.log2(count / length);
  return bits;
}

const GENERATE = "generate one with `openssl rand -base64 33`";

function secretProblem(secret: string | undefined): string | null {
  if (!secret) return `AUTH_SECRET is not set: ${GENERATE}`;
  const length = [...secret].length;
  if (length < MIN_SECRET_LENGTH) return `AUTH_SECRET is too short (${length} characters, at least ${MIN_SECRET_LENGTH}): ${GENERATE}`;
  const distinct = new Set(secret).size;
  if (distinct < MIN_SECRET_DISTINCT_CHARACTERS || shannonEntropy(secret) < MIN_SECRET_ENTROPY_BITS) {
    return `AUTH_SECRET is too predictable (${distinct} distinct characters): ${GENERATE}`;
  }
  return null;
}

function appUrlProblem(appUrl: string | undefined, allowInsecure: boolean): string | null {
  if (!appUrl) return "APP_URL is not set: the public https:// address of the site, used in every email link";
  let url: URL;
  try {
    url = new URL(appUrl);
  } catch {
    return `APP_URL is not a valid URL: ${appUrl}`;
  }
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && allowInsecure) return null;
  return `APP_URL must start with https:// (it is ${appUrl}); for a trial on a local network, set ALLOW_INSECURE_APP_URL=1`;
}

/**
 * Every PLATFORM_* variable must be set (unset, documents would carry the demo identity), none may
 * be a placeholder or the demo identity, and the identity must be well formed.
 */
function platformProblems(env: RawEnv): string[] {
  const unset = PLATFORM_VARIABLES.filter((name) => !env[name]);
  const problems = unset.map(
    (name) => `${name} is not set: invoices and legal pages would print the demo value ${DEMO_PLATFORM_IDENTITY[name]}; set Compagnon's real one`,
  );
  const identity = platformIdentityFrom(env);
  for (const name of PLATFORM_VARIABLES) {
    if (!unset.includes(name) && identity[name].includes(DEMO_MARK)) problems.push(`${name} is the demo identity (${identity[name]}): set Compagnon's real one`);
  }
  if (!unset.includes("PLATFORM_CONTACT_EMAIL") && identity.PLATFORM_CONTACT_EMAIL === DEMO_PLATFORM_IDENTITY.PLATFORM_CONTACT_EMAIL) {
    problems.push(`PLATFORM_CONTACT_EMAIL is the demo address (${identity.PLATFORM_CONTACT_EMAIL}): set the mailbox that answers users and authorities`);
  }
  const given = platformIdentityProblems(identity).filter((line) => !unset.some((name) => line.startsWith(`${name} `)));
  return [...problems, ...given];
}

/** The refusals and warnings for a production start. */
export function checkProductionConfig(raw: RawEnv): ConfigReport {
  const env: RawEnv = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ""));
  const problems = [
    env.DATABASE_URL ? null : "DATABASE_URL is not set: production needs your PostgreSQL (postgres://user:password@host:5432/compagnon)",
    appUrlProblem(env.APP_URL, env.ALLOW_INSECURE_APP_URL === "1"),
    secretProblem(env.AUTH_SECRET),
    ...platformProblems(env),
  ].filter((line): line is string => line !== null);
  const warnings: string[] = [];
  if (!env.RESEND_API_KEY) {
    warnings.push(
      "RESEND_API_KEY is not set: no email is sent (sign-in links included), they stay in the outbox; `npm run admin:create -- EMAIL` prints a sign-in link for the first admin",
    );
  }
  if (env.DATABASE_URL && !env.DATABASE_OWNER_URL) {
    warnings.push(
      "DATABASE_OWNER_URL is not set: migrations run as DATABASE_URL's user, so the app owns its tables and could rewrite or TRUNCATE invoices; connect the app as compagnon_app (README, \"Production\")",
    );
  }
  if (!env.STRIPE_SECRET_KEY) warnings.push("STRIPE_SECRET_KEY is not set: payments run in test mode, no real money moves");
  return { problems, warnings };
}
