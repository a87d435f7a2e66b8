import { describe, expect, it } from "vitest";
import { carriesSecret } from "@/lib/attachments/secret-files";
import { zipBytes } from "../helpers/zip";

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF\n`);

describe("carriesSecret", () => {
  it("finds private keys and secrets files inside an archive, by name, at any depth", () => {
    for (const name of ["id_rsa", "home/me/.ssh/id_ed25519", "tls/server.key", "certs/site.pem", "keys.kdbx", "app/.env", ".env.production", "backup/.pgpass", "putty.ppk", "store.p12"]) {
      expect(carriesSecret(zipBytes({ "README.txt": "logs", [name]: "x" })), name).toBe(true);
    }
  });

  it("finds a private key block in a file's bytes", () => {
    expect(carriesSecret(pdf("-----BEGIN RSA PRIVATE KEY-----\nMIIE..."))).toBe(true);
    expect(carriesSecret(zipBytes({ "notes.txt": "-----BEGIN OPENSSH PRIVATE KEY-----" }))).toBe(true);
  });

  it("lets ordinary files and archives of logs through", () => {
    expect(carriesSecret(pdf("Rapport d'intervention"))).toBe(false);
    expect(carriesSecret(zipBytes({ "var/log/nginx/error.log": "upstream timed out", "id_rsa.pub": "ssh-ed25519 AAAA", "environment.md": "prod" }))).toBe(false);
    expect(carriesSecret(pdf("-----BEGIN PUBLIC KEY-----"))).toBe(false);
  });
});
