// An independent verifier for Integritas' transparency log, sharing no code with the project: only node:crypto.
// It checks a C2SP tlog-proof file — the checkpoint's Ed25519 signed-note signature and the RFC 6962 / RFC 9162
// inclusion proof of an entry — against the log's verifier key string.
// Usage: node verify-tlog-proof.mjs PROOF.tlog-proof ENTRY_FILE VERIFIER_KEY
// Exit 0 and "OK ..." when valid; exit 1 and the reason otherwise.
import { readFileSync } from 'node:fs';
import { fail, leafHash, nodeHash, openCheckpoint } from './tlog.mjs';

const [proofPath, entryPath, vkey] = process.argv.slice(2);
if (!proofPath || !entryPath || !vkey) fail('usage: node verify-tlog-proof.mjs PROOF ENTRY VKEY');

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

const { origin, size, root } = openCheckpoint(note, vkey);
if (index >= size) fail('index beyond the tree size');

// RFC 9162 §2.1.3.2 inclusion verification.
let fn = index;
let sn = size - 1n;
let r = leafHash(readFileSync(entryPath));
for (const p of path) {
  if (sn === 0n) fail('proof too long');
  if ((fn & 1n) === 1n || fn === sn) {
    r = nodeHash(p, r);
    if ((fn & 1n) === 0n) {
      while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    }
  } else {
    r = nodeHash(r, p);
  }
  fn >>= 1n;
  sn >>= 1n;
}
if (sn !== 0n) fail('proof too short');
if (!r.equals(root)) fail('entry is not in the log: computed root differs');
console.log(`OK entry ${index} is in ${origin} at size ${size}`);
