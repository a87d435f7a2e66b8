/**
 * The deployment kit in deploy/: the systemd units pass `systemd-analyze verify`, the nginx site
 * passes `nginx -t` (with a throw-away certificate), compose.yaml parses and wires what the
 * README promises. A missing tool skips its test with a message; Docker itself cannot run here.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const deploy = path.resolve("deploy");
const read = (file: string) => readFileSync(path.join(deploy, file), "utf8");
const scratch = mkdtempSync(path.join(os.tmpdir(), "compagnon-deploy-kit-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tool(name: string): boolean {
  const found = spawnSync("sh", ["-c", `command -v ${name}`]).status === 0;
  if (!found) console.warn(`[deploy-kit] ${name} is not installed: its check is skipped`);
  return found;
}

const UNITS = ["compagnon-web.service", "compagnon-worker.service", "compagnon-backup.service", "compagnon-backup.timer"];

describe("systemd units", () => {
  it.skipIf(!tool("systemd-analyze"))("pass systemd-analyze verify without a warning", () => {
    for (const unit of UNITS) {
      const result = spawnSync("systemd-analyze", ["verify", path.join(deploy, "systemd", unit)], { encoding: "utf8" });
      expect({ unit, status: result.status, stderr: result.stderr.trim() }).toEqual({ unit, status: 0, stderr: "" });
    }
  }, 30_000);

  it("run the app as its own user, restart on failure, and are hardened", () => {
    for (const unit of ["compagnon-web.service", "compagnon-worker.service"]) {
      const text = read(`systemd/${unit}`);
      for (const line of [
        "User=compagnon",
        "EnvironmentFile=/etc/compagnon/compagnon.env",
        "Restart=on-failure",
        "NoNewPrivileges=true",
        "ProtectSystem=strict",
        "ProtectHome=true",
        "PrivateTmp=true",
        "PrivateDevices=true",
        "ProtectKernelTunables=true",
        "ProtectControlGroups=true",
        "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
        "LockPersonality=true",
      ]) {
        expect(text, `${unit}: ${line}`).toContain(`\n${line}\n`);
      }
      expect(text).toMatch(/\nReadWritePaths=\/var\/lib\/compagnon\b/);
      expect(text).toMatch(/\nMemoryMax=\d+M\n/);
      expect(text).toMatch(/\nEnvironment=NODE_OPTIONS=--max-old-space-size=\d+\n/);
    }
    expect(read("systemd/compagnon-web.service")).toContain("ExecStart=/usr/bin/node --import tsx scripts/start.ts --web\n");
    expect(read("systemd/compagnon-worker.service")).toContain("ExecStart=/usr/bin/node --import tsx scripts/worker.ts\n");
    expect(read("systemd/compagnon-backup.timer")).toMatch(/\nOnCalendar=.+\nRandomizedDelaySec=.+\nPersistent=true\n/);
  });
});

describe("reverse proxies", () => {
  it.skipIf(!tool("nginx") || !tool("openssl"))("passes nginx -t", () => {
    const cert = path.join(scratch, "cert.pem");
    const key = path.join(scratch, "key.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=compagnon.example.fr", "-keyout", key, "-out", cert], { stdio: "ignore" });
    const site = read("nginx/compagnon.conf")
      .replaceAll("/etc/letsencrypt/live/compagnon.example.fr/fullchain.pem", cert)
      .replaceAll("/etc/letsencrypt/live/compagnon.example.fr/privkey.pem", key);
    writeFileSync(path.join(scratch, "compagnon.conf"), site);
    const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `${kind}_temp_path ${scratch}/${kind};`).join("\n  ");
    writeFileSync(
      path.join(scratch, "nginx.conf"),
      `pid ${scratch}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  access_log off;\n  ${temp}\n  include ${scratch}/compagnon.conf;\n}\n`,
    );
    const result = spawnSync("nginx", ["-t", "-p", scratch, "-e", "stderr", "-c", path.join(scratch, "nginx.conf")], { encoding: "utf8" });
    expect(result.stderr).toContain("test is successful");
    expect(result.status).toBe(0);
  });

  it.skipIf(!tool("caddy"))("the Caddyfile passes caddy validate, and proxies to 127.0.0.1:3000 with 12 MiB bodies", () => {
    const env = { ...process.env, XDG_DATA_HOME: scratch, XDG_CONFIG_HOME: scratch, COMPAGNON_DOMAIN: "compagnon.example.fr" };
    const caddyfile = path.join(deploy, "Caddyfile");
    const validate = spawnSync("caddy", ["validate", "--config", caddyfile, "--adapter", "caddyfile"], { encoding: "utf8", env });
    expect(validate.stdout + validate.stderr).toContain("Valid configuration");
    expect(validate.status).toBe(0);
    const adapted = execFileSync("caddy", ["adapt", "--config", caddyfile, "--adapter", "caddyfile"], { encoding: "utf8", env, stdio: ["ignore", "pipe", "ignore"] });
    expect(adapted).toContain('"host":["compagnon.example.fr"]');
    expect(adapted).toContain('"max_size":12582912');
    expect(adapted).toContain('"upstreams":[{"dial":"127.0.0.1:3000"}]');
  });

  it("passes the Host through, appends X-Forwarded-For, allows 12 MB bodies, reaches 127.0.0.1:3000", () => {
    const site = read("nginx/compagnon.conf");
    for (const line of [
      "proxy_pass http://127.0.0.1:3000;",
      "proxy_set_header Host $host;",
      "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
      "proxy_set_header X-Forwarded-Proto $scheme;",
      "client_max_body_size 12m;",
    ]) {
      expect(site).toContain(line);
    }
    expect(site).not.toMatch(/^\s*add_header\s+Strict-Transport-Security/m);
    const caddy = read("Caddyfile");
    expect(caddy).toContain("max_size 12MiB");
    expect(caddy).toContain("reverse_proxy {$COMPAGNON_UPSTREAM:127.0.0.1:3000}");
  });
});

/** js-yaml comes with graphile-worker (through cosmiconfig): no YAML dependency of our own. */
function loadYaml(): ((text: string) => unknown) | null {
  try {
    return (createRequire(import.meta.url)("js-yaml") as { load: (text: string) => unknown }).load;
  } catch {
    console.warn("[deploy-kit] js-yaml is not installed: compose.yaml is not parsed");
    return null;
  }
}

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  env_file?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test?: string[] };
  depends_on?: Record<string, { condition: string }> | string[];
  ports?: string[];
}

describe("compose.yaml", () => {
  const load = loadYaml();
  it.skipIf(!load)("parses and wires PostgreSQL 17, web, worker and Caddy", () => {
    const compose = load!(read("compose.yaml")) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
    const { db, web, worker, caddy } = compose.services;
    expect(Object.keys(compose.services).sort()).toEqual(["caddy", "db", "web", "worker"]);
    expect(db?.image).toMatch(/^postgres:17/);
    expect(db?.healthcheck?.test?.join(" ")).toContain("pg_isready");
    expect(db?.volumes).toContain("postgres:/var/lib/postgresql/data");
    for (const app of [web, worker]) {
      expect(app?.build).toEqual({ context: "..", dockerfile: "deploy/Dockerfile" });
      expect(app?.env_file).toBe(".env");
      expect(app?.environment?.DATABASE_URL).toMatch(/@db:5432\//);
      expect(app?.depends_on).toEqual({ db: { condition: "service_healthy" } });
    }
    // The app connects as compagnon_app (owns nothing); only the web process, which migrates, has the owner's URL.
    for (const app of [web, worker]) expect(app?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/compagnon_app:\$\{APP_DB_PASSWORD\}@/);
    expect(web?.environment?.DATABASE_OWNER_URL).toMatch(/^postgres:\/\/compagnon:\$\{POSTGRES_PASSWORD\}@db:5432\//);
    expect(worker?.environment?.DATABASE_OWNER_URL).toBeUndefined();
    expect(db?.volumes).toContain("./postgres-init:/docker-entrypoint-initdb.d:ro");
    expect(read("postgres-init/10-runtime-role.sh")).toContain("create role compagnon_app login password :'password'");
    expect(web?.environment).toMatchObject({ HOSTNAME: "0.0.0.0", TRUST_PROXY: "1" });
    expect(web?.command).toEqual(["node", "--import", "tsx", "scripts/start.ts", "--web"]);
    expect(web?.ports).toBeUndefined();
    expect(worker?.command).toEqual(["node", "--import", "tsx", "scripts/worker.ts"]);
    expect(caddy?.environment?.COMPAGNON_UPSTREAM).toBe("web:3000");
    expect(caddy?.volumes).toContain("./Caddyfile:/etc/caddy/Caddyfile:ro");
    const named = Object.values(compose.services)
      .flatMap((service) => service.volumes ?? [])
      .map((volume) => volume.split(":")[0]!)
      .filter((source) => !source.startsWith("."));
    expect(new Set(named)).toEqual(new Set(Object.keys(compose.volumes)));
  });
});

describe("Dockerfile", () => {
  it("builds on node:24-bookworm-slim in stages and runs as a user of its own", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile.match(/^FROM node:24-bookworm-slim AS \w+$/gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^RUN npm ci /m);
    expect(dockerfile).toMatch(/^RUN npm run build /m);
    expect(dockerfile).toContain("npm prune --omit=dev");
    expect(dockerfile).toMatch(/^USER compagnon$/m);
    expect(read("Dockerfile.dockerignore").split("\n")).toEqual(expect.arrayContaining(["node_modules", ".next", ".data", "**/.env", "**/.env.*"]));
  });
});
