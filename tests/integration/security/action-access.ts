/**
 * Who may use each server action of the app. The actions matrix test reads the app's file tree
 * (every exported function of every "use server" file): an action missing here fails it, so
 * that every new action is given its expected access on purpose.
 *
 * For each action: `ok` lists who succeeds; `prepare` makes the objects it acts on (fresh for
 * each person who succeeds); `form` is what the allowed person sends, and what everyone else
 * sends too. Everyone else must be refused and leave the database as it was; everyone in `ok`
 * must succeed and change it (unless listed in `unchangedFor`, with a note saying why).
 */
import { ACCOUNT_ACTIONS } from "./access/accounts";
import { ADMIN_ACTIONS } from "./access/admin";
import { CONTRACT_ACTIONS } from "./access/contracts";
import { EINVOICING_ACTIONS } from "./access/einvoicing";
import { EXPERT_ACTIONS } from "./access/experts";
import { HANDOVER_ACTIONS } from "./access/handover";
import { INSIGHTS_ACTIONS } from "./access/insights";
import { JOB_ACTIONS } from "./access/jobs";
import { NOTIFICATION_ACTIONS } from "./access/notifications";
import { OFFER_ACTIONS } from "./access/offers";
import { LEGAL_ACTIONS } from "./access/legal";
import { MODERATION_ACTIONS } from "./access/moderation";
import { SAVINGS_ACTIONS } from "./access/savings";
import { SECOND_FACTOR_ACTIONS } from "./access/second-factor";
import { SUPPORT_ACTIONS } from "./access/support";
import { PLAN_ACTIONS } from "./access/retainer-plans";
import { RETAINER_ACTIONS } from "./access/retainers";
import { TICKET_ACTIONS } from "./access/tickets";
import { TRAINING_ACTIONS } from "./access/training";
import type { ActionAccess } from "./access/types";

export type { ActionAccess, ActionContext, FormFields } from "./access/types";

/** Keyed `app/<file>#<exported function>`. */
export const ACTIONS: Record<string, ActionAccess> = {
  ...ACCOUNT_ACTIONS,
  ...ADMIN_ACTIONS,
  ...CONTRACT_ACTIONS,
  ...EINVOICING_ACTIONS,
  ...EXPERT_ACTIONS,
  ...HANDOVER_ACTIONS,
  ...INSIGHTS_ACTIONS,
  ...JOB_ACTIONS,
  ...NOTIFICATION_ACTIONS,
  ...OFFER_ACTIONS,
  ...LEGAL_ACTIONS,
  ...MODERATION_ACTIONS,
  ...SAVINGS_ACTIONS,
  ...SECOND_FACTOR_ACTIONS,
  ...SUPPORT_ACTIONS,
  ...TRAINING_ACTIONS,
  ...RETAINER_ACTIONS,
  ...PLAN_ACTIONS,
  ...TICKET_ACTIONS,
};
