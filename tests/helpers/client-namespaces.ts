import fs from "node:fs";
import path from "node:path";

/**
 * Which message namespaces each route's client components need, read from the source: from each
 * route file (page, layout, error…) the imports are followed; past a "use client" file (or any
 * file a client file imports) every `useTranslations("ns")`, and every literal key given to a
 * root translator (`useTranslations()`), names a namespace the browser needs. A root translator
 * given a key that is not written out (`all(state.notice.key)`) shows what a server action sent:
 * then every real message key written in the server files the route reaches counts too.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const MESSAGES = JSON.parse(fs.readFileSync(path.join(ROOT, "messages/fr.json"), "utf8")) as Record<string, unknown>;
const ROUTE_FILES = ["page.tsx", "layout.tsx", "error.tsx", "not-found.tsx", "loading.tsx", "template.tsx", "default.tsx"];

export interface ParsedFile {
  imports: string[];
  client: boolean;
  server: boolean;
  /** Namespaces this file needs when it runs in the browser. */
  namespaces: Set<string>;
  /** A root translator given a key that is not written out. */
  dynamic: boolean;
  /** Real message keys' namespaces written in this file (where a server action's keys come from). */
  keyNamespaces: Set<string>;
  /** What the reader could not follow (useTranslations(variable), useMessages()). */
  problems: string[];
  /** Imports next-intl's hooks or components (they need a provider above them in the browser). */
  usesIntl: boolean;
}

const parsed = new Map<string, ParsedFile>();

const resolved = new Map<string, string | null>();

function resolveImport(from: string, spec: string): string | null {
  const cacheKey = spec.startsWith("@/") ? spec : `${path.dirname(from)}\0${spec}`;
  if (!resolved.has(cacheKey)) resolved.set(cacheKey, resolveUncached(from, spec));
  return resolved.get(cacheKey)!;
}

function resolveUncached(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

function isMessageKey(key: string): boolean {
  let node: unknown = MESSAGES;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/** A namespace and a key prefix (template literal) that some message of that namespace starts with. */
function isMessagePrefix(namespace: string, prefix: string): boolean {
  const node = MESSAGES[namespace];
  return typeof node === "object" && node !== null && Object.keys(node).some((key) => key.startsWith(prefix));
}

/** The namespace a literal key names (`"ns.key"` or `` `ns.prefix_${x}` ``), or null. */
function keyNamespace(literal: string): string | null {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (quote === "`") {
    const match = /^([A-Za-z0-9]+)\.([A-Za-z0-9_]*)\$\{/.exec(body);
    if (match && isMessagePrefix(match[1]!, match[2]!)) return match[1]!;
    return isMessageKey(body) ? body.split(".")[0]! : null;
  }
  return isMessageKey(body) ? body.split(".")[0]! : null;
}

export function parseFile(file: string): ParsedFile {
  const known = parsed.get(file);
  if (known) return known;
  const source = fs.readFileSync(file, "utf8");
  const imports: string[] = [];
  // Type-only imports are erased: they bring no code to the browser.
  const code = source.replace(/(?:import|export)\s+type\s[^;]*?from\s*["'][^"']+["']/g, "");
  for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["']((?:@\/|\.{1,2}\/)[^"']+)["']/g)) {
    const target = resolveImport(file, match[1]!);
    if (target) imports.push(target);
  }
  const directive = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use (client|server)["']/.exec(source)?.[1];
  const namespaces = new Set<string>();
  const keyNamespaces = new Set<string>();
  const problems: string[] = [];
  let dynamic = false;
  for (const match of source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*useTranslations\(([^)]*)\)/g)) {
    const [, name, arg] = match as unknown as [string, string, string];
    const argument = arg.trim();
    if (argument) {
      const literal = /^["']([A-Za-z0-9]+)(?:\.[\w.]+)?["']$/.exec(argument);
      if (literal) namespaces.add(literal[1]!);
      else problems.push(`useTranslations(${argument}) is not a written-out namespace`);
      continue;
    }
    // A root translator: each call's key names its namespace.
    for (const call of source.matchAll(new RegExp(`\\b${name}(?:\\.(?:rich|markup|raw|has))?\\(\\s*([^,)]+)`, "g"))) {
      const key = call[1]!.trim();
      const namespace = /^["'`]/.test(key) ? keyNamespace(key.replace(/\s+as\s+\w+$/, "")) : null;
      if (namespace) namespaces.add(namespace);
      else dynamic = true;
    }
  }
  for (const match of source.matchAll(/useTranslations\(/g)) {
    const before = source.slice(Math.max(0, (match.index ?? 0) - 40), match.index);
    if (!/(?:const|let)\s+\w+\s*=\s*$/.test(before) && !/import\s*\{[^}]*$/.test(before)) problems.push("useTranslations() not assigned to a name");
  }
  if (/\buseMessages\(/.test(source)) problems.push("useMessages() ships every message");
  for (const match of source.matchAll(/["'`][A-Za-z0-9]+\.[A-Za-z0-9_.]*(?:\$\{|["'`])/g)) {
    const literal = match[0].endsWith("${") ? `${match[0]}}\`` : match[0];
    const namespace = keyNamespace(literal);
    if (namespace) keyNamespaces.add(namespace);
  }
  const usesIntl = /from\s*["']next-intl["']/.test(code);
  const result: ParsedFile = { imports, client: directive === "client", server: directive === "server", namespaces, dynamic, keyNamespaces, problems, usesIntl };
  parsed.set(file, result);
  return result;
}

export interface RouteNeeds {
  /** Namespaces the browser needs for this route file, with the client files that need each. */
  namespaces: Map<string, Set<string>>;
  problems: string[];
  /** The client files that use next-intl in the browser. */
  intlClientFiles: string[];
}

const needsByRoute = new Map<string, RouteNeeds>();

/** next-intl's provider in the browser, rendered by ClientMessages. */
const PROVIDER = "components/i18n/ClientIntlProvider.tsx";

/** What one route file (page, layout…) needs in the browser. */
export function routeNeeds(entry: string): RouteNeeds {
  if (!needsByRoute.has(entry)) needsByRoute.set(entry, routeNeedsUncached(entry));
  return needsByRoute.get(entry)!;
}

function routeNeedsUncached(entry: string): RouteNeeds {
  const namespaces = new Map<string, Set<string>>();
  const problems: string[] = [];
  const seen = new Set<string>();
  const serverFiles = new Set<string>();
  const intlClientFiles: string[] = [];
  let dynamic = false;
  const need = (namespace: string, file: string) => namespaces.set(namespace, (namespaces.get(namespace) ?? new Set()).add(rel(file)));
  const visit = (file: string, inClient: boolean) => {
    // The provider itself (and what it imports) is next-intl's own code, not a component under it.
    if (rel(file) === PROVIDER) return;
    const info = parseFile(file);
    // A client file importing a server action gets a reference: the action runs on the server.
    if (inClient && info.server) return;
    const client = inClient || info.client;
    const key = `${client ? "c" : "s"}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (client) {
      for (const namespace of info.namespaces) need(namespace, file);
      for (const problem of info.problems) problems.push(`${rel(file)}: ${problem}`);
      if (info.dynamic) dynamic = true;
      if (info.usesIntl) intlClientFiles.push(rel(file));
    } else serverFiles.add(file);
    for (const target of info.imports) visit(target, client);
  };
  visit(entry, false);
  // Keys a server action (or the use cases it calls) hands back to a client form.
  if (dynamic) for (const file of actionClosure(serverFiles)) for (const namespace of parseFile(file).keyNamespaces) need(namespace, file);
  return { namespaces, problems, intlClientFiles };
}

/** The route's server actions ("use server" files) and every module they import. */
function actionClosure(serverFiles: Set<string>): Set<string> {
  const closure = new Set<string>();
  const visit = (file: string) => {
    if (closure.has(file)) return;
    closure.add(file);
    for (const target of parseFile(file).imports) if (!parseFile(target).client) visit(target);
  };
  for (const file of serverFiles) if (parseFile(file).server) visit(file);
  return closure;
}

export function rel(file: string): string {
  return path.relative(ROOT, file);
}

/** Every route file under app/, with its route ("/jobs/[id]") and whether it is a layout. */
export function routeFiles(): { file: string; route: string; layout: boolean }[] {
  const found: { file: string; route: string; layout: boolean }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (ROUTE_FILES.includes(entry.name)) {
        const route = `/${path.relative(path.join(ROOT, "app"), dir).split(path.sep).join("/")}`.replace(/\/$/, "") || "/";
        found.push({ file: full, route, layout: entry.name === "layout.tsx" });
      }
    }
  };
  walk(path.join(ROOT, "app"));
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

/** The scope a layout or a page hands to the client components it renders (`<ClientMessages scope="…">`, or LazyClientMessages), or null. */
export function declaredScope(file: string): string | null {
  return /<(?:Lazy)?ClientMessages\s+scope="([^"]+)"/.exec(fs.readFileSync(file, "utf8"))?.[1] ?? null;
}

/** The scope whose messages reach a route file: the nearest layout with a scope, above a layout. */
export function scopeOf(route: string, layout: boolean, scopes: Map<string, string>): string {
  let current = layout ? parentRoute(route) : route;
  while (current !== null) {
    const scope = scopes.get(current);
    if (scope) return scope;
    current = parentRoute(current);
  }
  return "/";
}

function parentRoute(route: string): string | null {
  if (route === "/") return null;
  const parent = route.slice(0, route.lastIndexOf("/"));
  return parent || "/";
}
