/** Expected outcomes of a use case: a value, or a typed error code (with per-field codes for forms). */
export type Result<T, E extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: E; fields?: Record<string, string> };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <E extends string>(error: E, fields?: Record<string, string>): { ok: false; error: E; fields?: Record<string, string> } =>
  fields ? { ok: false, error, fields } : { ok: false, error };
