import { z } from "zod";
import { DEMO_PLATFORM_IDENTITY as DEMO } from "@/lib/config/platform-identity";

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const emailList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email()));

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url().optional(),
    APP_URL: z.url().default("http://localhost:3000"),
    AUTH_SECRET: z.string().min(32).optional(),
    COMPAGNON_DEMO: flag,
    ADMIN_EMAILS: emailList,
    EMAIL_FROM: z.string().min(3).default("Compagnon <no-reply@compagnon.localhost>"),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url().optional(),
    /** Reverse proxies in front of the app, each appending to X-Forwarded-For (0: none, the header is ignored). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
    SIGNIN_LIMIT_PER_EMAIL: z.coerce.number().int().positive().default(5),
    SIGNIN_LIMIT_PER_IP: z.coerce.number().int().positive().default(20),
    PLATFORM_COMMISSION_BPS: z.coerce.number().int().min(0).max(5000).default(1000),
    BID_MONTHLY_QUOTA: z.coerce.number().int().positive().default(30),
    /** Ceiling on a contract's total excluding VAT, in cents (default 1,000,000 €; at most 10,000,000 €). */
    MAX_CONTRACT_CENTS: z.coerce.number().int().min(100).max(1_000_000_000).default(100_000_000),
    S3_BUCKET: z.string().min(3).optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(2).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** 1: invoices are written with a compliance-mode object lock (the bucket must have object lock enabled). */
    S3_OBJECT_LOCK: z.enum(["0", "1"]).optional(),
    STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, "must start with sk_test_, sk_live_, rk_test_ or rk_live_").optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
    /** Tests only: where the Stripe SDK sends its requests (a local fake Stripe server). */
    STRIPE_API_BASE: z.url().optional(),
    /** E-invoicing through a Plateforme Agréée (AFNOR XP Z12-013 API); all three or none: without them, e-invoicing is off. */
    PA_API_URL: z.url().optional(),
    PA_CLIENT_ID: z.string().min(1).optional(),
    PA_CLIENT_SECRET: z.string().min(1).optional(),
    /** The PA's OAuth2 token endpoint (client credentials); default PA_API_URL + "/token". */
    PA_TOKEN_URL: z.url().optional(),
    /** The PA's Directory Service base URL; default PA_API_URL. */
    PA_DIRECTORY_URL: z.url().optional(),
    /** Shared secret the PA signs its status callbacks with (HMAC-SHA256, /api/einvoicing/callback); unset, the route is a 404 and statuses are polled. */
    PA_WEBHOOK_SECRET: z.string().min(16).optional(),
    /**
     * 1: Compagnon opted to pay VAT on debits (art. 269 2 c CGI) for its commission: its commission
     * invoices say so (BT-8 = 5, the mention) and owe no payment data. Unset: VAT on receipts, the
     * default for services, and each commission's payment is reported (status 212 Encaissée).
     */
    PLATFORM_VAT_ON_DEBITS: flag,
    /** INSEE Sirene API integration key (portail-api.insee.fr); unset, companies show "not checked". */
    SIRENE_API_KEY: z.string().min(1).optional(),
    /** Sirene API base URL; defaults to INSEE's (https://api.insee.fr/api-sirene/3.11). Tests point it at a fake. */
    SIRENE_API_URL: z.url().optional(),
    MILESTONE_AUTO_APPROVE_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    /** Days the expert has to answer a dispute before an admin may decide (unless both sides say they are ready). */
    DISPUTE_RESPONSE_DAYS: z.coerce.number().int().min(1).max(30).default(5),
    /** Compagnon's legal identity, printed on its invoices; unset, the fictional demo identity (production refuses it). */
    PLATFORM_LEGAL_NAME: z.string().min(2).default(DEMO.PLATFORM_LEGAL_NAME),
    /** "SAS", printed with the share capital and the RCS registration (Code de commerce, R123-237). */
    PLATFORM_LEGAL_FORM: z.string().min(2).default(DEMO.PLATFORM_LEGAL_FORM),
    PLATFORM_SIREN: z.string().regex(/^\d{9}$/, "9 digits").default(DEMO.PLATFORM_SIREN),
    PLATFORM_VAT_NUMBER: z.string().min(4).default(DEMO.PLATFORM_VAT_NUMBER),
    PLATFORM_ADDRESS_LINE1: z.string().min(2).default(DEMO.PLATFORM_ADDRESS_LINE1),
    PLATFORM_POSTAL_CODE: z.string().min(2).default(DEMO.PLATFORM_POSTAL_CODE),
    PLATFORM_CITY: z.string().min(2).default(DEMO.PLATFORM_CITY),
    /** The city of the greffe where Compagnon is registered ("RCS Paris 912 345 675"). */
    PLATFORM_RCS_CITY: z.string().min(2).default(DEMO.PLATFORM_RCS_CITY),
    PLATFORM_SHARE_CAPITAL_CENTS: z.coerce.number().int().positive().default(Number(DEMO.PLATFORM_SHARE_CAPITAL_CENTS)),
    /** The legal notice's publisher contact and hosting provider (LCEN art. 6 III); the email is the DSA point of contact. */
    PLATFORM_PHONE: z.string().min(6).default(DEMO.PLATFORM_PHONE),
    PLATFORM_CONTACT_EMAIL: z.email().default(DEMO.PLATFORM_CONTACT_EMAIL),
    /** "Camille Martin, présidente": the person responsible for what the platform publishes. */
    PLATFORM_PUBLICATION_DIRECTOR: z.string().min(2).default(DEMO.PLATFORM_PUBLICATION_DIRECTOR),
    PLATFORM_HOST_NAME: z.string().min(2).default(DEMO.PLATFORM_HOST_NAME),
    PLATFORM_HOST_ADDRESS: z.string().min(5).default(DEMO.PLATFORM_HOST_ADDRESS),
    PLATFORM_HOST_PHONE: z.string().min(6).default(DEMO.PLATFORM_HOST_PHONE),
  })
  .refine((env) => !env.STRIPE_SECRET_KEY || env.STRIPE_WEBHOOK_SECRET, {
    message: "STRIPE_SECRET_KEY needs STRIPE_WEBHOOK_SECRET (the signing secret of the /api/stripe/webhook endpoint)",
    path: ["STRIPE_WEBHOOK_SECRET"],
  })
  .refine((env) => [env.PA_API_URL, env.PA_CLIENT_ID, env.PA_CLIENT_SECRET].filter(Boolean).length % 3 === 0, {
    message: "PA_API_URL, PA_CLIENT_ID and PA_CLIENT_SECRET go together (all three, or none: e-invoicing off)",
    path: ["PA_API_URL"],
  })
  .refine((env) => !env.S3_BUCKET || (env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY), {
    message: "S3_BUCKET needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY",
    path: ["S3_BUCKET"],
  })
  .refine((env) => env.NODE_ENV !== "production" || env.COMPAGNON_DEMO || env.AUTH_SECRET, {
    message: "AUTH_SECRET is required in production (generate one with `openssl rand -base64 33`)",
    path: ["AUTH_SECRET"],
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Environment, validated once on first use; a bad value stops the process with a clear message. */
export function env(): Env {
  if (cached) return cached;
  // An empty variable (`KEY=` in a .env file) means "not set".
  const defined = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** Forget the cached environment (tests change process.env between cases). */
export function resetEnvCache(): void {
  cached = undefined;
}

/** Local demo mode: turned on by `npm run demo`, never together with a real mail provider. */
export function isDemoMode(): boolean {
  return env().COMPAGNON_DEMO;
}

/** The local mailbox exists only in demo mode with no mail provider configured. */
export function isLocalMailboxEnabled(): boolean {
  const e = env();
  return e.COMPAGNON_DEMO && !e.RESEND_API_KEY;
}

/** Without Stripe keys, payments run on the local test-mode provider: no real money moves. */
export function isPaymentTestMode(): boolean {
  return !env().STRIPE_SECRET_KEY;
}

/** Whether the configured Stripe key is a live one (events must then be live too). */
export function isStripeLive(): boolean {
  return env().STRIPE_SECRET_KEY?.includes("_live_") ?? false;
}
