// Fingerprints that tell a repeated attempt from another body under the same key: a SHA-256 of the JSON with its
// keys sorted (the order and spacing a client writes do not matter), or of the bytes.
import { createHash } from 'node:crypto';

function ordinato(v: unknown): unknown {
  if (Array.isArray(v)) {
    return v.map(ordinato);
  }
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, ordinato(o[k])]),
    );
  }
  return v;
}

export const improntaJson = (v: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(ordinato(v)))
    .digest('base64url');

export const improntaByte = (b: Buffer): string => createHash('sha256').update(b).digest('base64url');
