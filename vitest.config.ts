import "./scripts/lib/node-version.ts"; // `npm test` on an unsupported Node.js stops with one line
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// "server-only" marks the modules that query (docs/architecture.md): Next.js resolves it to an empty
// module on the server and refuses it in client components. Tests run on the server side.
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

/**
 * The integration files that replace a module (`vi.mock`): they need a module graph of their own.
 * The others share one per worker (`isolate: false`): the app's modules are evaluated once per
 * worker instead of once per file, which was a fifth of the run. tests/helpers/file-database.ts
 * gives each file its own database and environment all the same.
 */
const INTEGRATION = "tests/integration";
const integrationFilesThatMock = (readdirSync(INTEGRATION, { recursive: true }) as string[])
  .filter((file) => /\.test\.tsx?$/.test(file))
  .filter((file) => /\bvi\.(mock|doMock)\(/.test(readFileSync(path.join(INTEGRATION, file), "utf8")))
  .map((file) => `${INTEGRATION}/${file.split(path.sep).join("/")}`);

const integration = {
  include: [`${INTEGRATION}/**/*.test.{ts,tsx}`],
  environment: "node",
  // One PostgreSQL and one migrated template for both integration projects (they share it).
  globalSetup: ["tests/helpers/global-database.ts"],
  // next-auth imports "next/server" without an extension, which Node's ESM loader refuses.
  server: { deps: { inline: ["next-auth"] } },
  setupFiles: ["tests/helpers/file-database.ts"],
  // Limits that catch a hang, not a slow machine: beside the e2e shards (`npm test` runs both, the
  // integration files at a lower priority) on a slow 2-core machine, a test that takes 1 s alone
  // took 30 s (CI run of 2026-12-06, the machine about five times slower than the day before).
  testTimeout: 120_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    // The integration files mostly wait on PostgreSQL: two at a time even on 2 cores (Vitest's
    // default is one fewer than the cores). The e2e files run one at a time (fileParallelism).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
          // Some render PDFs or read the whole source tree: 1–2 s alone, many times that beside the e2e shards.
          testTimeout: 60_000,
        },
      },
      // `--project 'integration*'` runs both.
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration",
          exclude: [...configDefaults.exclude, ...integrationFilesThatMock],
          isolate: false,
          // What one file stubs or spies on is put back before the next one runs in the same worker.
          restoreMocks: true,
          unstubEnvs: true,
          unstubGlobals: true,
        },
      },
      {
        resolve: { alias },
        test: {
          ...integration,
          name: "integration-isolated",
          include: integrationFilesThatMock,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          fileParallelism: false,
          // A whole journey took 115-125 s while the unit and integration files ran beside it on a
          // busy 2-core machine: 120 s was too tight.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
