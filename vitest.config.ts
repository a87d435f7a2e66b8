import "./scripts/lib/node-version.ts"; // `npm test` on an unsupported Node.js stops with one line
import path from "node:path";
import { defineConfig } from "vitest/config";

// "server-only" marks the modules that query (docs/architecture.md): Next.js resolves it to an empty
// module on the server and refuses it in client components. Tests run on the server side.
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          environment: "node",
          globalSetup: ["tests/helpers/global-database.ts"],
          // next-auth imports "next/server" without an extension, which Node's ESM loader refuses.
          server: { deps: { inline: ["next-auth"] } },
          setupFiles: ["tests/helpers/file-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
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
