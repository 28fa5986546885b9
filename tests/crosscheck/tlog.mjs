// Shared pieces of the independent verifiers (node:crypto only, no project code): SHA-256, RFC 6962 hashing, and
// opening a C2SP signed checkpoint against a verifier key string.
import { createHash, createPublicKey, verify } from 'node:crypto';

export const sha256 = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
export const leafHash = (entry) => sha256(Buffer.from([0x00]), entry);
export const nodeHash = (left, right) => sha256(Buffer.from([0x01]), left, right);
export const fail = (reason) => { console.log(`FAILED: ${reason}`); process.exit(1); };

// Verifier key: <name>+<8 hex key ID>+<base64(0x01 || 32-byte Ed25519 public key)>.
// The name holds no '+', but base64 may: split at the first two '+' only.
export function parseVerifierKey(vkey) {
  const first = vkey.indexOf('+');
  const second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
  if (first <= 0 || second < 0) fail('malformed verifier key');
  const name = vkey.slice(0, first);
  const keyIdHex = vkey.slice(first + 1, second);
  if (!/^[0-9a-f]{8}$/.test(keyIdHex)) fail('malformed verifier key');
  const keyBytes = Buffer.from(vkey.slice(second + 1), 'base64');
  if (keyBytes.length !== 33 || keyBytes[0] !== 0x01) fail('not an Ed25519 verifier key');
  const publicKey = keyBytes.subarray(1);
  const keyId = sha256(Buffer.from(name, 'utf8'), Buffer.from([0x0a, 0x01]), publicKey).subarray(0, 4);
  if (keyId.toString('hex') !== keyIdHex) fail('key ID does not match the key');
  return { name, keyId, key: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') }, format: 'jwk' }) };
}

// A signed note: text lines, a blank line, then "— <name> <base64(key ID || signature)>" lines. Returns the checkpoint.
export function openCheckpoint(note, vkey) {
  const { name, keyId, key } = parseVerifierKey(vkey);
  const noteSplit = note.indexOf('\n\n');
  if (noteSplit < 0) fail('checkpoint has no signatures');
  const message = Buffer.from(note.slice(0, noteSplit + 1), 'utf8');
  let signed = false;
  for (const line of note.slice(noteSplit + 2).split('\n').filter((l) => l.length > 0)) {
    const match = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!match) fail(`malformed signature line: ${line}`);
    const sig = Buffer.from(match[2], 'base64');
    if (match[1] !== name || sig.length !== 68 || !sig.subarray(0, 4).equals(keyId)) continue; // another signer
    if (!verify(null, message, key, sig.subarray(4))) fail('checkpoint signature does not verify');
    signed = true;
  }
  if (!signed) fail('checkpoint is not signed by this key');
  const [origin, sizeText, rootB64] = note.slice(0, noteSplit).split('\n');
  if (origin !== name) fail(`checkpoint origin ${origin} is not ${name}`);
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText ?? '')) fail('bad tree size line');
  const root = Buffer.from(rootB64 ?? '', 'base64');
  if (root.length !== 32) fail('bad root hash line');
  return { origin, size: BigInt(sizeText), root };
}
