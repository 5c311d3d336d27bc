import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { verifyConsistency, verifyInclusion } from './verify';

// Test vectors of transparency-dev/merkle (Apache 2.0), copied unchanged into libs/integrity/test-vectors (see its README).
const VECTORS = join(__dirname, '..', '..', 'test-vectors', 'rfc6962');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? jsonFiles(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : []))
    .sort();
}

// Go encodes a nil slice as null and []byte as base64; both decode to what the Go verifier saw.
const bytes = (text: string | null | undefined): Buffer => Buffer.from(text ?? '', 'base64');
const hashes = (list: string[] | null | undefined): Buffer[] => (list ?? []).map(bytes);

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string | null;
  leafHash: string | null;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string | null;
  root2: string | null;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

const inclusionFiles = jsonFiles(join(VECTORS, 'inclusion'));
const consistencyFiles = jsonFiles(join(VECTORS, 'consistency'));

describe('RFC 6962 inclusion proofs (transparency-dev/merkle vectors)', () => {
  it('finds the vector files', () => {
    expect(inclusionFiles.length).toBeGreaterThanOrEqual(90);
  });

  it.each(inclusionFiles.map((file) => [relative(VECTORS, file), file]))('%s', (_name, file) => {
    const v = JSON.parse(readFileSync(file, 'utf8')) as InclusionVector;
    const result = verifyInclusion({
      leafIndex: v.leafIdx,
      treeSize: v.treeSize,
      leafHash: bytes(v.leafHash),
      proof: hashes(v.proof),
      root: bytes(v.root),
    });
    expect({ desc: v.desc, accepted: result.ok }).toEqual({ desc: v.desc, accepted: !v.wantErr });
  });
});

describe('RFC 6962 consistency proofs (transparency-dev/merkle vectors)', () => {
  it('finds the vector files', () => {
    expect(consistencyFiles.length).toBeGreaterThanOrEqual(90);
  });

  it.each(consistencyFiles.map((file) => [relative(VECTORS, file), file]))('%s', (_name, file) => {
    const v = JSON.parse(readFileSync(file, 'utf8')) as ConsistencyVector;
    const result = verifyConsistency({
      size1: v.size1,
      size2: v.size2,
      root1: bytes(v.root1),
      root2: bytes(v.root2),
      proof: hashes(v.proof),
    });
    expect({ desc: v.desc, accepted: result.ok }).toEqual({ desc: v.desc, accepted: !v.wantErr });
  });
});
