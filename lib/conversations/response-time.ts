import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { isUuidLike } from "@/lib/ids";

/** The response time looks at this many past days. */
export const RESPONSE_TIME_DAYS = 180;
/** Fewer answers than this and a median says nothing. */
export const RESPONSE_TIME_MIN_SAMPLES = 2;

/**
 * How fast an expert answers clients: the median, over the last 180 days, of the minutes between
 * a client member's message and the expert's next message in the same conversation. Every
 * client message counts (two questions before one answer are two samples); a message the
 * expert has not answered yet counts for nothing. Rounded to the minute; null with fewer than
 * two samples. Public figure (shown beside bids), so no actor is needed.
 */
export async function expertResponseMinutes(expertUserId: string): Promise<number | null> {
  if (!isUuidLike(expertUserId)) return null;
  const rows = await db.execute<{ median: number | string | null; samples: number | string }>(sql`
    with client_messages as (
      select m.conversation_id, m.created_at
      from messages m
      join conversations c on c.id = m.conversation_id
      join bids b on b.id = c.bid_id
      where b.expert_user_id = ${expertUserId}::uuid
        and m.author_id is not null
        and m.author_id <> b.expert_user_id
        and m.created_at >= now() - make_interval(days => ${RESPONSE_TIME_DAYS}::int)
    ),
    answers as (
      select extract(epoch from (reply.created_at - cm.created_at)) / 60 as minutes
      from client_messages cm
      cross join lateral (
        select r.created_at from messages r
        where r.conversation_id = cm.conversation_id
          and r.author_id = ${expertUserId}::uuid
          and r.created_at > cm.created_at
        order by r.created_at
        limit 1
      ) reply
    )
    select percentile_cont(0.5) within group (order by minutes) as median, count(*)::int as samples
    from answers
  `);
  const [row] = rows;
  if (!row || Number(row.samples) < RESPONSE_TIME_MIN_SAMPLES || row.median === null) return null;
  return Math.round(Number(row.median));
}
