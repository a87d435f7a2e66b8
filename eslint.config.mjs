import boundaries from "eslint-plugin-boundaries";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import layers from "./eslint-rules/server-only.mjs";

/**
 * The layers (docs/architecture.md): app → lib → db, app → components. A wrong import is an
 * error in the editor as it is typed; tests/unit/architecture.test.ts proves the rules still fire.
 */
const layering = [
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    plugins: { boundaries },
    settings: {
      "boundaries/include": ["app/**", "components/**", "emails/**", "lib/**", "db/**"],
      "boundaries/elements": [
        { type: "app", pattern: "app/**", partialMatch: false },
        { type: "components", pattern: "components/**", partialMatch: false },
        { type: "emails", pattern: "emails/**", partialMatch: false },
        { type: "lib", pattern: "lib/**", partialMatch: false },
        { type: "db", pattern: "db/**", partialMatch: false },
      ],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "allow",
          policies: [
            {
              from: { element: { types: { anyOf: ["app", "components", "emails"] } } },
              disallow: { to: { element: { type: "db" } }, dependency: { kind: "value" } },
              message: "app/, components/ and emails/ reach the database only through lib/ (types from db/schema are fine).",
            },
            {
              from: { element: { type: "lib" } },
              disallow: { to: { element: { types: { anyOf: ["app", "components"] } } } },
              message: "lib/ imports nothing from app/ or components/.",
            },
            {
              from: { element: { type: "db" } },
              disallow: { to: { element: { type: "lib" } } },
              message: "db/ imports nothing from lib/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "emails/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*", "postgres"],
              allowTypeImports: true,
              message: "app/, components/ and emails/ do not query: put the query in lib/<capability>/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "db/client.ts"],
    plugins: { layers },
    rules: { "layers/queries-are-server-only": "error" },
  },
  {
    files: ["components/**/*.{ts,tsx}", "emails/**/*.{ts,tsx}"],
    plugins: { layers },
    rules: { "layers/no-querying-import": "error" },
  },
];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "next-env.d.ts", "tests/e2e/screenshots/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...layering,
];

export default config;
