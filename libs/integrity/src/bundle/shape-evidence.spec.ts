import { makeFixture } from '../../test/bundle-fixture';
import { describe as describeValue, eventProblem, headerProblem, isBundleHeader, streamLineProblem } from './shape';

// A bundle that does not fit is refused with the path of the first field that does not: each test pins that reason.
type Line = Record<string, unknown>;
const headerOf = (): Line => makeFixture().agencyBundle()[0] as Line;
const eventOf = (): Line =>
  (
    makeFixture()
      .agencyBundle()
      .find((l) => 'event' in l) as { event: Line }
  ).event;
const B64 = Buffer.alloc(32, 7).toString('base64');

describe('Bundle header shape', () => {
  it('accepts the exported header, for an agency and for a case', () => {
    expect(headerProblem(headerOf())).toBeUndefined();
    expect(isBundleHeader(headerOf())).toBe(true);
    expect(headerProblem(makeFixture().caseBundle('abc')[0] as Line)).toBeUndefined();
  });

  it('names the first field that does not fit', () => {
    const problem = (patch: (h: Line) => Line): string | undefined => headerProblem(patch(headerOf()));
    const head = (h: Line): Line => h['treeHead'] as Line;
    expect(problem((h) => ({ ...h, origin: '' }))).toBe('origin must be a non-empty string');
    expect(problem((h) => ({ ...h, verifierKey: 7 }))).toBe('verifierKey must be a non-empty string');
    expect(problem((h) => ({ ...h, treeHead: [] }))).toBe('treeHead is missing or not an object');
    expect(problem((h) => ({ ...h, treeHead: { ...head(h), treeSize: -1 } }))).toBe('treeHead.treeSize must be a non-negative integer');
    expect(problem((h) => ({ ...h, treeHead: { ...head(h), timestamp: 'yesterday' } }))).toBe('treeHead.timestamp must be an ISO 8601 date');
    expect(problem((h) => ({ ...h, treeHead: { ...head(h), timestamp: 1 } }))).toBe('treeHead.timestamp must be an ISO 8601 date');
    expect(problem((h) => ({ ...h, treeHead: { ...head(h), rootHash: 'not base64!' } }))).toBe('treeHead.rootHash must be standard base64, got "not base64!"');
    expect(problem((h) => ({ ...h, treeHead: { ...head(h), checkpoint: '' } }))).toBe('treeHead.checkpoint must be a non-empty string');
    expect(problem((h) => ({ ...h, scope: null }))).toBe('scope must be an object');
    expect(problem((h) => ({ ...h, scope: { kind: 'province' } }))).toBe('scope.kind is "province", expected "case" or "agency"');
    expect(problem((h) => ({ ...h, scope: { kind: 'agency', agencyId: '' } }))).toBe('scope.agencyId must be a non-empty string');
    expect(problem((h) => ({ ...h, scope: { kind: 'case', caseId: 'abc' } }))).toBe('scope.streamId must be a non-empty string');
    expect(problem((h) => ({ ...h, scope: { kind: 'case', streamId: 'transfer-abc' } }))).toBe('scope.caseId must be a non-empty string');
    expect(problem((h) => ({ ...h, consistencyProofs: {} }))).toBe('consistencyProofs must be a list');
    expect(problem((h) => ({ ...h, consistencyProofs: [{ fromSize: 1, fromRoot: B64, proof: [] }, 'x'] }))).toBe('consistencyProofs[1] is not an object');
    expect(problem((h) => ({ ...h, consistencyProofs: [{ fromSize: 1.5, fromRoot: B64, proof: [] }] }))).toBe('consistencyProofs[0].fromSize must be a non-negative integer');
    expect(problem((h) => ({ ...h, consistencyProofs: [{ fromSize: 1, fromRoot: null, proof: [] }] }))).toBe('consistencyProofs[0].fromRoot must be standard base64, got null');
    expect(problem((h) => ({ ...h, consistencyProofs: [{ fromSize: 1, fromRoot: B64, proof: [B64, ['x']] }] }))).toBe(
      'consistencyProofs[0].proof[1] must be standard base64, got a list',
    );
    expect(problem((h) => ({ ...h, consistencyProofs: [{ fromSize: 1, fromRoot: B64, proof: [B64] }] }))).toBeUndefined();
    expect(isBundleHeader({ ...headerOf(), origin: '' })).toBe(false);
  });
});

describe('Bundle stream and event line shape', () => {
  it('a stream line needs an id and a head proof', () => {
    expect(streamLineProblem('x')).toBe('stream is not an object');
    expect(streamLineProblem({ streamId: '', head: {} })).toBe('stream.streamId must be a non-empty string');
    expect(streamLineProblem({ streamId: 'transfer-abc', head: null })).toBe('stream.head must be a stream-head proof');
    expect(streamLineProblem({ streamId: 'transfer-abc', head: {} })).toBeUndefined();
  });

  it('an event line names its first bad field', () => {
    const problem = (patch: Line): string | undefined => eventProblem({ ...eventOf(), ...patch });
    expect(eventProblem(null)).toBe('event is not an object');
    expect(problem({})).toBeUndefined();
    expect(problem({ streamId: '' })).toBe('event.streamId must be a non-empty string');
    expect(problem({ eventId: 1 })).toBe('event.eventId must be a non-empty string');
    expect(problem({ type: null })).toBe('event.type must be a non-empty string');
    expect(problem({ revision: '0' })).toBe('event.revision must be a non-negative integer');
    expect(problem({ metadata: 'm' })).toBe('event.metadata must be an object');
    expect(problem({ leafIndex: -3 })).toBe('event.leafIndex must be a non-negative integer');
    expect(problem({ inclusionProof: 'p' })).toBe('event.inclusionProof must be a list');
    expect(problem({ inclusionProof: [42] })).toBe('event.inclusionProof[0] must be standard base64, got number');
    const { data: _data, ...withoutData } = eventOf();
    expect(eventProblem(withoutData)).toBe('event.data is missing');
    expect(eventProblem({ ...withoutData, data: null })).toBeUndefined();
  });

  it('describes untrusted values briefly and safely', () => {
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1])).toBe('a list');
    expect(describeValue({})).toBe('object');
    expect(describeValue(undefined)).toBe('undefined');
  });
});
