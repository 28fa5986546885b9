// An independent verifier for Integritas' transparency log, sharing no code with the project: only node:crypto.
// It checks a C2SP tlog-proof file — the checkpoint's Ed25519 signed-note signature and the RFC 6962 / RFC 9162
// inclusion proof of an entry — against the log's verifier key string.
// Usage: node verify-tlog-proof.mjs PROOF.tlog-proof ENTRY_FILE VERIFIER_KEY
// Exit 0 and "OK ..." when valid; exit 1 and the reason otherwise.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const sha256 = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
const fail = (reason) => { console.log(`FAILED: ${reason}`); process.exit(1); };

const [proofPath, entryPath, vkey] = process.argv.slice(2);
if (!proofPath || !entryPath || !vkey) fail('usage: node verify-tlog-proof.mjs PROOF ENTRY VKEY');

// Verifier key: <name>+<8 hex key ID>+<base64(0x01 || 32-byte Ed25519 public key)>
// The name holds no '+', but base64 may: split at the first two '+' only.
const first = vkey.indexOf('+');
const second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
if (first <= 0 || second < 0) fail('malformed verifier key');
const keyName = vkey.slice(0, first);
const keyIdHex = vkey.slice(first + 1, second);
const keyB64 = vkey.slice(second + 1);
if (!/^[0-9a-f]{8}$/.test(keyIdHex)) fail('malformed verifier key');
const keyBytes = Buffer.from(keyB64, 'base64');
if (keyBytes.length !== 33 || keyBytes[0] !== 0x01) fail('not an Ed25519 verifier key');
const publicKey = keyBytes.subarray(1);
const keyId = sha256(Buffer.from(keyName, 'utf8'), Buffer.from([0x0a, 0x01]), publicKey).subarray(0, 4);
if (keyId.toString('hex') !== keyIdHex) fail('key ID does not match the key');

// tlog-proof: header, optional extra, index, hashes, blank line, then the signed checkpoint verbatim.
const text = readFileSync(proofPath, 'utf8');
const split = text.indexOf('\n\n');
if (split < 0) fail('no blank line before the checkpoint');
const head = text.slice(0, split).split('\n');
const note = text.slice(split + 2);
if (head.shift() !== 'c2sp.org/tlog-proof@v1') fail('not a tlog-proof file');
if (head[0]?.startsWith('extra ')) head.shift();
const indexLine = head.shift() ?? '';
if (!/^index (0|[1-9][0-9]*)$/.test(indexLine)) fail('bad index line');
const index = BigInt(indexLine.slice(6));
const path = head.map((line) => Buffer.from(line, 'base64'));
if (path.some((h) => h.length !== 32)) fail('a proof hash is not 32 bytes');

// Signed note: text lines, a blank line, then "— <name> <base64(key ID || signature)>" lines.
const noteSplit = note.indexOf('\n\n');
if (noteSplit < 0) fail('checkpoint has no signatures');
const message = Buffer.from(note.slice(0, noteSplit + 1), 'utf8');
const jwk = { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') };
const key = createPublicKey({ key: jwk, format: 'jwk' });
let signed = false;
for (const line of note.slice(noteSplit + 2).split('\n').filter((l) => l.length > 0)) {
  const match = /^\u2014 (\S+) (\S+)$/.exec(line);
  if (!match) fail(`malformed signature line: ${line}`);
  const sig = Buffer.from(match[2], 'base64');
  if (match[1] !== keyName || sig.length !== 68 || !sig.subarray(0, 4).equals(keyId)) continue; // another signer
  if (!verify(null, message, key, sig.subarray(4))) fail('checkpoint signature does not verify');
  signed = true;
}
if (!signed) fail('checkpoint is not signed by this key');
const [origin, sizeText, rootB64] = note.slice(0, noteSplit).split('\n');
if (origin !== keyName) fail(`checkpoint origin ${origin} is not ${keyName}`);
const size = BigInt(sizeText);
const root = Buffer.from(rootB64, 'base64');
if (index >= size) fail('index beyond the tree size');

// RFC 9162 §2.1.3.2 inclusion verification.
let fn = index;
let sn = size - 1n;
let r = sha256(Buffer.from([0x00]), readFileSync(entryPath));
for (const p of path) {
  if (sn === 0n) fail('proof too long');
  if ((fn & 1n) === 1n || fn === sn) {
    r = sha256(Buffer.from([0x01]), p, r);
    if ((fn & 1n) === 0n) {
      while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    }
  } else {
    r = sha256(Buffer.from([0x01]), r, p);
  }
  fn >>= 1n;
  sn >>= 1n;
}
if (sn !== 0n) fail('proof too short');
if (!r.equals(root)) fail('entry is not in the log: computed root differs');
console.log(`OK entry ${index} is in ${origin} at size ${size}`);
