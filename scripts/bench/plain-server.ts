/**
 * The benchmark's plain counterparts (scripts/bench.ts), in a process of their own: a bare
 * `node:http` + `postgres` server that answers the job search with the best indexed SQL, and
 * serves fixed bytes (a page the benchmark fetched from the app) as a static file server would.
 *   GET /search?q=…   open needs matching the words, newest first, 20 (JSON)
 *   GET /list         the 20 newest open needs (JSON)
 *   GET /static/NAME  the bytes of STATIC_DIR/NAME, as text/html
 * Env: DATABASE_URL, PORT, STATIC_DIR.
 */
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL ?? "", { max: 10, onnotice: () => {} });
const staticDir = process.env.STATIC_DIR ?? "";
const pages = new Map(readdirSync(staticDir).map((name) => [name, readFileSync(path.join(staticDir, name))]));

const columns = sql`id, title, description, kind, budget_min_cents, budget_max_cents, departement, remote, published_at`;

async function answer(url: URL): Promise<{ status: number; type: string; body: Buffer | string }> {
  if (url.pathname === "/search") {
    const rows = await sql`select ${columns} from jobs
      where status = 'open' and search @@ websearch_to_tsquery('french', ${url.searchParams.get("q") ?? ""})
      order by published_at desc limit 20`;
    return { status: 200, type: "application/json", body: JSON.stringify(rows) };
  }
  if (url.pathname === "/list") {
    const rows = await sql`select ${columns} from jobs where status = 'open' order by published_at desc limit 20`;
    return { status: 200, type: "application/json", body: JSON.stringify(rows) };
  }
  const page = url.pathname.startsWith("/static/") ? pages.get(url.pathname.slice("/static/".length)) : undefined;
  if (page) return { status: 200, type: "text/html; charset=utf-8", body: page };
  return { status: 404, type: "text/plain", body: "not found" };
}

http
  .createServer((request, response) => {
    answer(new URL(request.url ?? "/", "http://localhost")).then(
      ({ status, type, body }) => {
        response.writeHead(status, { "content-type": type });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(String(error));
      },
    );
  })
  .listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
