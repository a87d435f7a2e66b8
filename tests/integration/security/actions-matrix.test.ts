/**
 * The authorization matrix of the server actions: every exported function of every
 * "use server" file of the app, found in its file tree, called in-process by each kind of person
 * (see action-world.ts). Who succeeds must be exactly who the access table says; everyone else
 * must be refused with the database left as it was, and everyone allowed must change it (the
 * positive control: the refusals are the policy's, not a form invalid for everyone).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { ACTIONS, type ActionAccess } from "./action-access";
import { actorOf, changedTables, fingerprint, makeWorld, WHO, type Who, type World } from "./action-world";
import { WorldSnapshot } from "./world-snapshot";

const request = vi.hoisted(() => ({ headers: new Headers(), jar: new Map<string, string>(), written: 0 }));

// Who is signed in comes from the session: the test says it directly.
vi.mock("@/lib/auth/current-actor", () => ({ currentActor: vi.fn() }));
// The request the action runs in: its headers (with the person's session cookie) and cookie jar.
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name)! } : undefined),
    getAll: () => [...request.jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.jar.has(name),
    set: (name: string, value: string) => {
      request.written += 1;
      request.jar.set(name, value);
    },
    delete: (name: string) => {
      request.written += 1;
      request.jar.delete(name);
    },
  }),
}));
// The onboarding reads the request's locale through next-intl, whose request config only a
// Next.js server loads: French, the default.
vi.mock("next-intl/server", async (original) => ({ ...(await original<object>()), getLocale: async () => "fr" }));
// No Next.js cache outside a Next.js server.
vi.mock("next/cache", async (original) => ({ ...(await original<object>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** Every `app/…` file whose first statement is "use server", relative to the repository. */
function serverActionFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && /^\s*["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8"))) found.push(file);
    }
  };
  walk("app");
  return found.sort();
}

/** `app/<file>#<name>` for each exported async function. */
function actionKeys(): string[] {
  return serverActionFiles().flatMap((file) =>
    [...readFileSync(path.join(ROOT, file), "utf8").matchAll(/^export async function (\w+)/gm)].map((m) => `${file}#${m[1]}`),
  );
}

type Action = (...args: unknown[]) => Promise<unknown>;

async function load(key: string): Promise<Action> {
  const [file, name] = key.split("#") as [string, string];
  const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, Action>;
  return exported[name]!;
}

type Outcome = { kind: "state"; state: { status?: string; formError?: string } } | { kind: "redirect"; to: string } | { kind: "void" } | { kind: "threw"; error: unknown };

async function run(action: Action, entry: ActionAccess, world: World, prepared: unknown, who: Who): Promise<{ outcome: Outcome; cookieWritten: boolean }> {
  const actor = actorOf(world, who);
  vi.mocked(currentActor).mockResolvedValue(actor);
  const cookie = who === "anonymous" ? null : world.cookies[who];
  request.headers = new Headers({ host: "localhost:3000", "x-forwarded-for": "203.0.113.7", ...(cookie ? { cookie } : {}) });
  request.jar = new Map(cookie ? [cookie.split("=") as [string, string]] : []);
  request.written = 0;
  const form = new FormData();
  for (const [name, value] of Object.entries((await entry.form?.({ world, prepared, who, actor })) ?? {})) form.append(name, value);
  const args = action.length >= 2 ? [{ status: "idle" }, form] : action.length === 1 ? [form] : [];
  let outcome: Outcome;
  try {
    const value = await action(...args);
    outcome = value === undefined ? { kind: "void" } : { kind: "state", state: value as { status?: string } };
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    outcome = typeof digest === "string" && digest.startsWith("NEXT_REDIRECT") ? { kind: "redirect", to: digest.split(";")[2]! } : { kind: "threw", error };
  }
  return { outcome, cookieWritten: request.written > 0 };
}

/** true: a success; false: a refusal; null: a void action that wrote nothing but the database may say. */
function succeeded({ outcome, cookieWritten }: { outcome: Outcome; cookieWritten: boolean }): boolean | null {
  if (outcome.kind === "redirect") return true;
  if (outcome.kind === "state") return outcome.state.status === "success" || outcome.state.status === "done";
  if (outcome.kind === "void") return cookieWritten ? true : null;
  return false;
}

/** A refusal must be an answer (the policy's, or a translated reason), never an unexpected error. */
function crashed(outcome: Outcome): boolean {
  if (outcome.kind === "threw") return !(outcome.error instanceof PolicyError);
  return outcome.kind === "state" && outcome.state.formError === "common.genericError";
}

function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === "redirect") return `redirect to ${outcome.to}`;
  if (outcome.kind === "state") return JSON.stringify({ status: outcome.state.status, formError: outcome.state.formError });
  if (outcome.kind === "threw") return `threw ${String(outcome.error)}`;
  return "returned nothing";
}

let snapshot: WorldSnapshot;

beforeAll(async () => {
  snapshot = await WorldSnapshot.take(makeWorld);
}, 120_000);

afterAll(async () => {
  await snapshot?.close();
});

afterEach(() => vi.mocked(currentActor).mockReset());

describe("server actions authorization matrix", () => {
  it("has an expected access for every server action, and none for a removed one", () => {
    expect(actionKeys().sort()).toEqual(Object.keys(ACTIONS).sort());
    for (const [key, entry] of Object.entries(ACTIONS)) {
      expect(entry.ok.every((w) => WHO.includes(w)), key).toBe(true);
      expect((entry.unchangedFor ?? []).every((w) => entry.ok.includes(w)), key).toBe(true);
    }
  });

  it("exports nothing else than async functions from a server action file", async () => {
    for (const file of serverActionFiles()) {
      const names = Object.keys(await import(/* @vite-ignore */ path.join(ROOT, file))).sort();
      expect(names, file).toEqual(actionKeys().filter((k) => k.startsWith(`${file}#`)).map((k) => k.split("#")[1]).sort());
    }
  });

  it.each(Object.keys(ACTIONS).sort())("%s: refused to everyone else, with nothing changed; done by who may", { timeout: 120_000 }, async (key) => {
    const entry = ACTIONS[key]!;
    const action = await load(key);
    const wrong: string[] = [];
    // The refusals, one after the other in one copy of the world: each must leave it as it was.
    let world = await snapshot.fresh();
    let prepared = await entry.prepare?.(world);
    let before = await fingerprint();
    for (const who of WHO.filter((w) => !entry.ok.includes(w))) {
      const result = await run(action, entry, world, prepared, who);
      const after = await fingerprint();
      const changed = changedTables(before, after);
      before = after;
      if (succeeded(result)) wrong.push(`${who} succeeded: ${describeOutcome(result.outcome)}`);
      if (crashed(result.outcome)) wrong.push(`${who} was refused by an unexpected error: ${describeOutcome(result.outcome)}`);
      if (changed.length > 0) wrong.push(`${who} changed ${changed.join(", ")} (${describeOutcome(result.outcome)})`);
    }
    // The positive controls: each allowed person in a copy of its own (the first in the same
    // one), or one after the other when they cannot get in each other's way.
    for (const [index, who] of entry.ok.entries()) {
      if (index > 0) {
        if (!entry.together) world = await snapshot.fresh();
        prepared = await entry.prepare?.(world);
        before = await fingerprint();
      }
      const result = await run(action, entry, world, prepared, who);
      const changed = changedTables(before, await fingerprint());
      const unchanged = entry.unchangedFor?.includes(who) ?? false;
      if (succeeded(result) === false) wrong.push(`${who} was refused: ${describeOutcome(result.outcome)}`);
      if (!unchanged && changed.length === 0) wrong.push(`${who} changed nothing (${describeOutcome(result.outcome)})`);
      if (unchanged && changed.length > 0) wrong.push(`${who} changed ${changed.join(", ")}, though listed as changing nothing`);
    }
    expect(wrong).toEqual([]);
  });
});
