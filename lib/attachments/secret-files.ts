import { zipEntryNames } from "./file-type";

/**
 * Names of files that hold a secret: SSH and TLS private keys, key stores, password databases,
 * `.env` files, credential files. A support ticket is no place for them (the handover's access
 * register says where a secret is, never the secret).
 */
const SECRET_FILE_NAMES: RegExp[] = [
  /^id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/i,
  /\.(pem|key|p12|pfx|jks|keystore|kdbx|ppk|gpg|asc)$/i,
  /^\.env(\..+)?$/i,
  /^(\.htpasswd|\.netrc|\.pgpass|\.git-credentials|shadow|credentials(\.json)?)$/i,
];

/** An unencrypted private key block, as it appears in a stored (uncompressed) archive entry or a text-bearing file. */
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;

/**
 * Whether an accepted file visibly carries a secret: an archive with a private key or a secrets
 * file in it (by entry name), or a private key block in its bytes. A safety net, not a promise.
 */
export function carriesSecret(bytes: Uint8Array): boolean {
  const names = zipEntryNames(bytes) ?? [];
  if (names.some((name) => SECRET_FILE_NAMES.some((pattern) => pattern.test(name.slice(name.lastIndexOf("/") + 1))))) return true;
  return PRIVATE_KEY_BLOCK.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
}
