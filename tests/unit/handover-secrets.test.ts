import { describe, expect, it } from "vitest";
import { looksLikeSecret } from "@/lib/handover/secrets";

describe("looksLikeSecret", () => {
  it.each([
    "-----BEGIN OPENSSH PRIVATE KEY-----",
    "-----BEGIN RSA PRIVATE KEY-----",
    "-----BEGIN PGP PRIVATE KEY BLOCK-----",
    "[Interface] PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=",
    "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=",
    "root password: Tr0ub4dor&3",
    "pwd=hunter22",
    "Mot de passe : soleil2026",
    "mdp: boulange",
    "api_key=abcd1234efgh",
    "sk_live_51HxYzAbCdEfGhIjKl",
    "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "glpat-abcdefghijklmnopqrst",
    "xoxb-123456789012-abcdefghij",
    "AKIAIOSFODNN7EXAMPLE",
    "https://admin:hunter22@panel.example.fr/login",
  ])("refuses %s", (text) => {
    expect(looksLikeSecret(text)).toBe(true);
  });

  it.each([
    "ssh deploy@srv1.example.fr",
    "Clé WireGuard du poste de Claire (wg0, 10.8.0.2)",
    "Compte admin Nextcloud, mot de passe dans Bitwarden",
    "Password kept in the client's KeePass",
    "https://panel.example.fr/login",
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl claire@poste",
    "Espace client OVH, compte nic-handle ab12345-ovh",
  ])("accepts %s", (text) => {
    expect(looksLikeSecret(text)).toBe(false);
  });
});
