// An independent monitor for Integritas' transparency log, sharing no code with the project: only node:crypto.
// It reads a C2SP tlog-tiles log — from the portal (http/https URL of the /ledger prefix) or from a static mirror
// folder with the same paths — checks the checkpoint's signature, rebuilds the tree from every entry bundle, checks
// every hash tile against it and the root against the checkpoint, and names the first thing that differs.
// Usage: node verify-tlog-tiles.mjs BASE VERIFIER_KEY
// Exit 0 and "OK ..." when the whole log checks out; exit 1 and the reason otherwise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, leafHash, nodeHash, openCheckpoint, sha256 } from './tlog.mjs';

const [base, vkey] = process.argv.slice(2);
if (!base || !vkey) fail('usage: node verify-tlog-tiles.mjs BASE VKEY');
const W = 256;

async function read(path) {
  if (/^https?:\/\//.test(base)) {
    const response = await fetch(`${base.replace(/\/$/, '')}/${path}`);
    if (!response.ok) fail(`${path}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
  try {
    return readFileSync(join(base, ...path.split('/')));
  } catch {
    return fail(`${path}: missing`);
  }
}

// Tile index N in groups of three digits, all but the last prefixed with "x": 1234067 → x001/x234/067.
function encode(n) {
  let digits = String(n);
  digits = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const groups = digits.match(/.{3}/g);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

const tilePath = (prefix, index, width) => `tile/${prefix}/${encode(index)}${width < W ? `.p/${width}` : ''}`;

const { origin, size, root } = openCheckpoint((await read('checkpoint')).toString('utf8'), vkey);
if (size === 0n && !root.equals(sha256())) fail('an empty log must have the empty root');
const n = Number(size);

// Leaves from the entry bundles: each entry is a big-endian uint16 length, then its bytes.
const levels = [[]];
for (let t = 0; t * W < n; t++) {
  const width = Math.min(W, n - t * W);
  const bundle = await read(tilePath('entries', t, width));
  let at = 0;
  for (let i = 0; i < width; i++) {
    if (at + 2 > bundle.length) fail(`entry bundle ${t}: ends before entry ${t * W + i}`);
    const length = bundle.readUInt16BE(at);
    if (at + 2 + length > bundle.length) fail(`entry bundle ${t}: entry ${t * W + i} runs past the end`);
    levels[0].push(leafHash(bundle.subarray(at + 2, at + 2 + length)));
    at += 2 + length;
  }
  if (at !== bundle.length) fail(`entry bundle ${t}: ${bundle.length - at} bytes after its ${width} entries`);
}

// Every complete subtree, level by level: levels[h][i] covers leaves i·2^h … (i+1)·2^h − 1.
for (let h = 1; levels[h - 1].length >= 2; h++) {
  const below = levels[h - 1];
  levels.push(Array.from({ length: Math.floor(below.length / 2) }, (_, i) => nodeHash(below[2 * i], below[2 * i + 1])));
}

// Hash tile level L holds tree level 8L; compare each served tile with the tree the entries give.
let tiles = 0;
for (let L = 0; 8 * L < levels.length && levels[8 * L].length > 0; L++) {
  const nodes = levels[8 * L];
  for (let t = 0; t * W < nodes.length; t++) {
    const width = Math.min(W, nodes.length - t * W);
    const tile = await read(tilePath(String(L), t, width));
    if (tile.length !== width * 32) fail(`tile ${L}/${t}: ${tile.length} bytes, expected ${width * 32}`);
    for (let i = 0; i < width; i++) {
      if (!tile.subarray(i * 32, i * 32 + 32).equals(nodes[t * W + i])) {
        const first = (t * W + i) * W ** L;
        fail(`tile ${L}/${t} hash ${i} (entries from index ${first}) differs from the entries`);
      }
    }
    tiles++;
  }
}

// RFC 6962 Merkle tree hash of leaves [start, start + count), from the complete subtrees above.
function mth(start, count) {
  if (count === 0) return null;
  if ((count & (count - 1)) === 0 && start % count === 0) return levels[Math.log2(count)][start / count];
  let k = 1;
  while (k * 2 < count) k *= 2;
  return nodeHash(mth(start, k), mth(start + k, count - k));
}

if (n > 0 && !mth(0, n).equals(root)) fail('the root of the served entries differs from the signed checkpoint');
console.log(`OK ${origin}: ${n} entries, ${tiles} hash tiles, root matches the signed checkpoint`);
