import "./lib/node-version"; // first: refuses an unsupported Node.js before anything else runs
import "./lib/load-env";
import { provideDatabase } from "./lib/database";

const email = process.argv[2];
if (!email) {
  console.error("usage: npm run admin:create -- EMAIL");
  process.exit(2);
}
const database = await provideDatabase();
process.env.DATABASE_URL = database.url;
const { migrateDatabase } = await import("../db/migrate");
const { closeDb } = await import("../db/client");
const { createAdmin } = await import("../lib/accounts/create-admin");
const { ADMIN_LINK_MINUTES, createSignInLink } = await import("../lib/auth/sign-in-link");
try {
  await migrateDatabase(database.ownerUrl, undefined, { runtimeRole: database.runtimeRole });
  const admin = await createAdmin(email);
  console.log(`[compagnon] ${admin.email} is an admin; after signing in they set up their second factor (an authenticator app).`);
  const { APP_URL: appUrl, AUTH_SECRET: secret, RESEND_API_KEY: mailProvider } = process.env;
  if (mailProvider) {
    console.log("[compagnon] they sign in with the email link they ask for on /signin.");
  } else if (!appUrl || !secret) {
    console.log("[compagnon] no mail provider (RESEND_API_KEY) is set, and without APP_URL and AUTH_SECRET no sign-in link can be printed: set them (as the app has them) and run this again.");
  } else {
    const link = await createSignInLink({ email: admin.email, appUrl, secret, callbackPath: "/admin", minutes: ADMIN_LINK_MINUTES });
    console.log(`[compagnon] no mail provider (RESEND_API_KEY) is set, so no email can be sent: here is a one-time sign-in link for ${admin.email}, valid ${ADMIN_LINK_MINUTES} minutes (until ${link.expires.toISOString()}). Keep it secret.`);
    console.log(link.url);
  }
} finally {
  await closeDb();
  await database.stop();
}
