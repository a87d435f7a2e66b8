/** Insights: the micro-entrepreneur ceiling kept by admins. */
import { access, type ActionAccess } from "./types";

export const INSIGHTS_ACTIONS: Record<string, ActionAccess> = {
  "app/admin/insights/actions.ts#setTurnoverCeilingAction": access({
    ok: ["admin"],
    form: () => ({ fromYear: "2029", amount: "90 000", source: "art. 50-0 CGI (2029)" }),
  }),
};
