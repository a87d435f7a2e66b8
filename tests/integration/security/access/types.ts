/** The shape of the action access table's entries (see ../action-access.ts). */
import type { Actor } from "@/lib/auth/actor";
import type { Who, World } from "../action-world";

export type FormFields = Record<string, string | Blob>;

export interface ActionContext<P> {
  world: World;
  prepared: P;
  who: Who;
  actor: Actor | null;
}

export interface ActionAccess<P = unknown> {
  /** Who succeeds. */
  ok: Who[];
  /** Why, when it is not obvious. */
  note?: string;
  /** The objects the action acts on, made after the world. */
  prepare?: (world: World) => Promise<P>;
  /** The form's fields (none when omitted). */
  form?: (context: ActionContext<P>) => FormFields | Promise<FormFields>;
  /**
   * The people in `ok` act on their own things and cannot get in each other's way: they run one
   * after the other in one copy of the world (each after a fresh `prepare`), not in one copy each.
   */
  together?: boolean;
  /** People in `ok` whose success changes nothing stored (a cookie, a redirect): say why in `note`. */
  unchangedFor?: Who[];
}

/** An entry of the table, typed by what its `prepare` makes. */
export function access<P = undefined>(entry: ActionAccess<P>): ActionAccess {
  return entry as unknown as ActionAccess;
}
