/**
 * The one logger of every process (web server, launcher, worker, server code): JSON lines through
 * pino (stdout, and stderr from warn up), one object per event, with `time` (ISO 8601), `level` (its name) and
 * `msg`. `LOG_LEVEL` (trace, debug, info, warn, error, fatal, silent; default info) sets what is
 * written. Whatever the caller passes, tokens, emails, cookies, authorization headers, passwords,
 * query strings and bodies are replaced by "[redacted]" (see REDACTED_KEYS; tested).
 */
import pino, { type DestinationStream, type Logger } from "pino";
import { currentRequestContext } from "./request-context";

export type { Logger } from "pino";

const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

/** Keys never written, at the top level or one or two levels down (`headers.cookie`, `user.email`…). */
export const REDACTED_KEYS = [
  "token",
  "accessToken",
  "refreshToken",
  "sessionToken",
  "password",
  "secret",
  "apiKey",
  "email",
  "to",
  "cookie",
  "cookies",
  "set-cookie",
  "authorization",
  "query",
  "search",
  "searchParams",
  "body",
  "payload",
  // postgres.js errors: the statement's parameters and the failing row (`Key (email)=(…)`).
  "parameters",
  "params",
  "detail",
];

/** Drizzle puts a failed query's parameters in its message ("…\nparams: claire@example.fr,…"). */
function withoutParams(text: string | undefined): string | undefined {
  return text?.replace(/\nparams: [^\n]*/g, "\nparams: [redacted]");
}

/** pino's error serializer, with the query parameters taken out of the message and the stack. */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as ReturnType<typeof pino.stdSerializers.err> & { cause?: unknown };
  return { ...serialized, message: withoutParams(serialized.message), stack: withoutParams(serialized.stack) };
}

function redactPaths(): string[] {
  return REDACTED_KEYS.flatMap((key) => {
    const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const child = safe.startsWith("[") ? safe : `.${safe}`;
    return [safe, `*${child}`, `*.*${child}`];
  });
}

/** LOG_LEVEL when it names a level, otherwise info. */
export function logLevel(value = process.env.LOG_LEVEL): string {
  const level = value?.trim().toLowerCase();
  return level && LEVELS.includes(level) ? level : "info";
}

/**
 * A new logger; `destination` is for tests. By default, written synchronously: warnings and
 * errors on stderr, the rest on stdout (journald and `docker logs` keep both).
 */
export function createLogger(bindings: Record<string, unknown> = {}, destination?: DestinationStream, level = logLevel()): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid, ...bindings },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths(), censor: "[redacted]" },
      // A line written while a request is handled carries its id (and its user, once known).
      mixin: () => {
        const context = currentRequestContext();
        return context ? { requestId: context.requestId, userId: context.userId } : {};
      },
      serializers: { err: serializeError, error: serializeError },
    },
    destination ??
      pino.multistream(
        [
          { level: "trace", stream: pino.destination({ dest: 1, sync: true }) },
          { level: "warn", stream: pino.destination({ dest: 2, sync: true }) },
        ],
        { dedupe: true },
      ),
  );
}

// One root logger per process (kept on globalThis: Next.js bundles and tsx load this module apart).
const globalForLogger = globalThis as unknown as { compagnonLogger?: Logger };

/** The process's logger; `component` names the part that writes (web, worker, launcher, stripe…). */
export function log(component?: string): Logger {
  if (!globalForLogger.compagnonLogger) {
    globalForLogger.compagnonLogger = createLogger();
    const asked = process.env.LOG_LEVEL?.trim();
    if (asked && logLevel(asked) !== asked.toLowerCase()) globalForLogger.compagnonLogger.warn(`LOG_LEVEL=${asked} is not a level (trace, debug, info, warn, error, fatal, silent): info`);
  }
  return component ? globalForLogger.compagnonLogger.child({ component }) : globalForLogger.compagnonLogger;
}

/** Pages whose next path segment is a secret (an invitation's token). */
const SECRET_SEGMENT_AFTER = ["invitations"];

/**
 * The path of a URL for a log line: no query string or fragment (they may hold tokens), and the
 * token of an invitation link replaced by `[token]`.
 */
export function pathOnly(url: string | undefined): string {
  if (!url) return "";
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const segments = path.split("/");
  return segments.map((segment, i) => (i > 0 && SECRET_SEGMENT_AFTER.includes(segments[i - 1] ?? "") && segment ? "[token]" : segment)).join("/");
}

/**
 * Sends console.log/info/warn/error/debug of this process to the logger (Next.js's own messages,
 * a library's warning…), so that every line of the process is JSON. An Error argument becomes `err`.
 */
export function routeConsoleToLogger(logger: Logger): void {
  const forward = (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const text = args
        .filter((arg) => arg !== error)
        .map((arg) => (typeof arg === "string" ? arg : safeInspect(arg)))
        .join(" ");
      if (error) logger[level]({ err: error }, text || error.message);
      else logger[level](text);
    };
  console.log = forward("info");
  console.info = forward("info");
  console.warn = forward("warn");
  console.error = forward("error");
  console.debug = forward("debug");
}

function safeInspect(value: unknown): string {
  try {
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}
