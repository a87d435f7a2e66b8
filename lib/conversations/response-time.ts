import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { isUuidLike } from "@/lib/ids";

/** The response time looks at this many past days. */
export const RESPONSE_TIME_DAYS = 180;
/** Fewer answers than this and a median says nothing. */
export const RESPONSE_TIME_MIN_SAMPLES = 2;

/**
 * How fast experts answer clients: per expert, the median, over the last 180 days, of the
 * minutes between a client member's message and the expert's next message in the same
 * conversation. Every client message counts (two questions before one answer are two samples);
 * a message the expert has not answered yet counts for nothing. Rounded to the minute; null with
 * fewer than two samples. Public figure (shown beside bids), so no actor is needed.
 */
export async function responseMinutesByExpert(expertUserIds: string[]): Promise<Map<string, number | null>> {
  const result = new Map<string, number | null>(expertUserIds.map((id) => [id, null]));
  if (expertUserIds.length === 0) return result;
  const ids = sql.join(
    expertUserIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await db.execute<{ expert_user_id: string; median: number | string | null; samples: number | string }>(sql`
    with client_messages as (
      select m.conversation_id, m.created_at, b.expert_user_id
      from messages m
      join conversations c on c.id = m.conversation_id
      join bids b on b.id = c.bid_id
      where b.expert_user_id in (${ids})
        and m.author_id is not null
        and m.author_id <> b.expert_user_id
        and m.created_at >= now() - make_interval(days => ${RESPONSE_TIME_DAYS}::int)
    ),
    answers as (
      select cm.expert_user_id,
        extract(epoch from (reply.created_at - cm.created_at)) / 60 as minutes
      from client_messages cm
      cross join lateral (
        select r.created_at from messages r
        where r.conversation_id = cm.conversation_id
          and r.author_id = cm.expert_user_id
          and r.created_at > cm.created_at
        order by r.created_at
        limit 1
      ) reply
    )
    select expert_user_id,
      percentile_cont(0.5) within group (order by minutes) as median,
      count(*)::int as samples
    from answers
    group by expert_user_id
  `);
  for (const row of rows) {
    if (Number(row.samples) >= RESPONSE_TIME_MIN_SAMPLES && row.median !== null) result.set(row.expert_user_id, Math.round(Number(row.median)));
  }
  return result;
}

/** One expert's response time (see responseMinutesByExpert). */
export async function expertResponseMinutes(expertUserId: string): Promise<number | null> {
  if (!isUuidLike(expertUserId)) return null;
  return (await responseMinutesByExpert([expertUserId])).get(expertUserId) ?? null;
}
