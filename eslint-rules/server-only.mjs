/**
 * Two rules that tie `import "server-only"` to the layering (docs/architecture.md, "Layers"):
 *
 * - `queries-are-server-only`: a module of lib/ that queries (it imports the database client, or
 *   query operators from drizzle-orm) starts with `import "server-only"`, so that Next.js refuses
 *   to build a client component that reaches it, and so that the next rule knows it queries.
 * - `no-querying-import`: components and email templates receive their data as props; they import
 *   no module marked `server-only` (a page or a layout calls it and passes the result). Type-only
 *   imports are fine: they vanish at compile time.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const MARKER = "server-only";
/** The database client, or (in db/client.ts itself) the driver it is made of. */
const DB_CLIENT = /(^@\/db\/client$|(^|\/)db\/client$|^postgres$|^drizzle-orm\/postgres-js$)/;

function isTypeOnly(node) {
  return node.importKind === "type" || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
}

const queriesAreServerOnly = {
  meta: {
    type: "problem",
    fixable: "code",
    docs: { description: 'A module that queries the database starts with `import "server-only"`.' },
    messages: { missing: 'This module queries the database (it imports {{source}}): start it with `import "server-only";`.' },
    schema: [],
  },
  create(context) {
    const imports = [];
    return {
      ImportDeclaration(node) {
        imports.push(node);
      },
      "Program:exit"(program) {
        if (imports.some((node) => node.source.value === MARKER)) return;
        const querying = imports.find(
          (node) => DB_CLIENT.test(node.source.value) || (node.source.value === "drizzle-orm" && !isTypeOnly(node)),
        );
        if (!querying) return;
        context.report({
          node: querying,
          messageId: "missing",
          data: { source: querying.source.value },
          fix: (fixer) => fixer.insertTextBeforeRange([program.range[0], program.range[0]], `import "${MARKER}";\n`),
        });
      },
    };
  },
};

const markedFiles = new Map();

/** Whether the local module `source` (imported from `filename`) is marked server-only. */
function isServerOnly(source, filename) {
  let base;
  if (source.startsWith("@/")) base = path.join(root, source.slice(2));
  else if (source.startsWith(".")) base = path.resolve(path.dirname(filename), source);
  else return false;
  const file = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((f) => existsSync(f) && statSync(f).isFile());
  if (!file || !/\.tsx?$/.test(file)) return false;
  // Keyed by modification time too: the editor's ESLint server lives longer than one edit.
  const key = `${file}@${statSync(file).mtimeMs}`;
  if (!markedFiles.has(key)) markedFiles.set(key, /^import\s+["']server-only["'];?\s*$/m.test(readFileSync(file, "utf8")));
  return markedFiles.get(key);
}

const noQueryingImport = {
  meta: {
    type: "problem",
    docs: { description: "Components and email templates get their data as props: they import no server-only module." },
    messages: {
      queries:
        "{{source}} queries the database (it is marked server-only): components and emails get data as props. Call it from the page or layout and pass the result.",
    },
    schema: [],
  },
  create(context) {
    const check = (node) => {
      if (!node.source || typeof node.source.value !== "string") return;
      if (node.type === "ImportDeclaration" && isTypeOnly(node)) return;
      if (node.exportKind === "type") return;
      if (isServerOnly(node.source.value, context.filename)) {
        context.report({ node: node.source, messageId: "queries", data: { source: node.source.value } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

const plugin = {
  meta: { name: "compagnon-layers" },
  rules: { "queries-are-server-only": queriesAreServerOnly, "no-querying-import": noQueryingImport },
};

export default plugin;
