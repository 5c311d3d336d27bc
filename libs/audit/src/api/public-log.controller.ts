import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { DomainError } from '@mutasi/domain';
import { EventStore } from '@mutasi/event-store';
import { ApiContent, ApiJson, AuthenticationError, problem, ProblemError, Public, text, TokenVerifier } from '@mutasi/platform';
import { ReadScopes } from '@mutasi/read-models';
import { LedgerProofs } from '../ledger/proofs';
import { TreeHeads } from '../ledger/tree-heads';
import { MAX_ENTRY_BYTES, parseTilePath, readEntryBundle, readHashTile, TileRef } from '../ledger/tiles';
import { ConsistencyProof, InclusionProof, LedgerKey } from './audit.schema';
import { inspectorAgencies } from './inspector';
import { ConsistencyQueryDto, InclusionQueryDto } from './ledger.controller';

/** A checkpoint changes with every signed tree head: kept a few seconds at most (c2sp.org/tlog-tiles). */
const CHECKPOINT_CACHE = 'public, max-age=5';
/** A tile's bytes never change (a partial tile is named by its width): kept for a year. */
const TILE_CACHE = 'public, max-age=31536000, immutable';
/** Entry bundles are personal data behind a sign-in: immutable too, but never in a shared cache. */
const ENTRIES_CACHE = 'private, max-age=31536000, immutable';
const binary = { type: 'string', format: 'binary' } as const;

/**
 * The ledger served in public at the stable prefix `/api/ledger`, in the C2SP tlog-tiles shape (docs/ledger-public.md):
 * the signed checkpoint, the hash tiles and RFC 6962 proofs reveal only hashes, so they need no account, and a witness
 * or a citizen can mirror the log with standard tooling. The entry bundles hold whole events — personnel records —
 * so they stay with inspectors who may read the whole record.
 */
@ApiTags('public ledger')
@Public()
@Controller('api/ledger')
export class PublicLogController {
  constructor(
    private readonly heads: TreeHeads,
    private readonly proofs: LedgerProofs,
    private readonly db: DataSource,
    private readonly store: EventStore,
    private readonly tokens: TokenVerifier,
    private readonly scopes: ReadScopes,
  ) {}

  private async latestSize(): Promise<number> {
    const head = await this.heads.latest();
    if (!head) throw new DomainError('CONFLICT', 'NO_TREE_HEAD', 'no tree head has been signed yet');
    return head.treeSize;
  }

  @Get('checkpoint')
  @ApiOperation({ operationId: 'getLedgerCheckpoint', summary: 'The latest signed checkpoint (C2SP signed note), as c2sp.org/tlog-tiles serves it' })
  @ApiContent(
    200,
    'text/plain',
    text("<origin>\\n<tree size>\\n<base64 root hash>\\n<extension lines: timestamp …>\\n\\n— <key name> <base64 signature>\\n (the log's, then any witnesses')"),
    'the checkpoint note',
    { 'Cache-Control': { description: CHECKPOINT_CACHE, schema: { type: 'string' } } },
  )
  @ApiContent(404, 'text/plain', text(), 'no tree head has been signed yet')
  async checkpoint(@Res() res: Response): Promise<void> {
    const head = await this.heads.latest();
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', CHECKPOINT_CACHE);
    if (!head) {
      res.status(404).send('no checkpoint has been signed yet\n');
      return;
    }
    res.send(head.checkpoint);
  }

  // Declared before `tile/*path`: Express tries routes in order, and entry bundles are not public.
  @Get('tile/entries/*path')
  @ApiOperation({
    operationId: 'getLedgerEntryBundle',
    summary: 'An entry bundle of c2sp.org/tlog-tiles: the leaf data (the whole stored event) of 256 leaves, each after its uint16 length',
    description:
      'Who: INSPEKTUR or KEPALA_BKN whose scope is the whole record (the bundle holds every agency’s events: personnel data). A leaf over 65,535 bytes cannot be bundled: 422.',
  })
  @ApiParam({
    name: 'path',
    description: '<N>[.p/<W>]: N in 3-digit elements, all but the last prefixed with x (x001/x234/067); W 1–255',
    example: '000.p/42',
    schema: { type: 'string' },
  })
  @ApiBearerAuth()
  @ApiContent(200, 'application/octet-stream', binary, 'the bundle', { 'Cache-Control': { description: ENTRIES_CACHE, schema: { type: 'string' } } })
  @ApiBadRequestResponse({ description: 'not a tile path' })
  @ApiUnauthorizedResponse({ description: 'no or invalid token: entry bundles are personal data' })
  @ApiForbiddenResponse({ description: 'not INSPEKTUR or KEPALA_BKN, or a scope narrower than the whole record' })
  @ApiNotFoundResponse({ description: 'the ledger does not hold these leaves (yet)' })
  @ApiUnprocessableEntityResponse({ description: 'a leaf is larger than 65,535 bytes: ENTRY_TOO_LARGE names it' })
  async entries(@Req() req: Request, @Res() res: Response, @Headers('authorization') authorization: string | undefined): Promise<void> {
    await this.requireWholeRecordInspector(authorization);
    const tile = this.tileOf(req);
    if (tile.kind !== 'entries') throw notATile('an entry bundle is tile/entries/<N>[.p/<W>]');
    const read = await readEntryBundle(this.db, this.store, tile);
    if (read.kind === 'missing') throw new DomainError('NOT_FOUND', 'TILE_NOT_FOUND', 'the ledger does not hold these leaves (yet)');
    if (read.kind === 'too-large') {
      throw new ProblemError(
        problem(
          422,
          'ENTRY_TOO_LARGE',
          `leaf ${read.leafIndex} holds ${read.bytes} bytes, more than the ${MAX_ENTRY_BYTES} an entry bundle's uint16 length can state: this bundle cannot be served; read the event through GET /api/audit/export or the case's events`,
          { leafIndex: read.leafIndex, bytes: read.bytes },
        ),
      );
    }
    sendBytes(res, read.bytes, ENTRIES_CACHE);
  }

  @Get('tile/*path')
  @ApiOperation({ operationId: 'getLedgerTile', summary: 'A hash tile of c2sp.org/tlog-tiles: 256 (or W) hashes of 32 bytes, tile level L = tree levels 8L to 8L+7' })
  @ApiParam({
    name: 'path',
    description: '<L>/<N>[.p/<W>]: L 0–63; N in 3-digit elements, all but the last prefixed with x (x001/x234/067); W 1–255',
    example: '0/x001/234.p/7',
    schema: { type: 'string' },
  })
  @ApiContent(200, 'application/octet-stream', binary, 'the tile: width × 32 bytes', { 'Cache-Control': { description: TILE_CACHE, schema: { type: 'string' } } })
  @ApiBadRequestResponse({ description: 'not a tile path' })
  @ApiNotFoundResponse({ description: 'the ledger does not hold this tile (yet)' })
  async tile(@Req() req: Request, @Res() res: Response): Promise<void> {
    const tile = this.tileOf(req);
    if (tile.kind !== 'hash') throw notATile('entry bundles are at tile/entries/');
    const bytes = await readHashTile(this.db, tile);
    if (!bytes) throw new DomainError('NOT_FOUND', 'TILE_NOT_FOUND', 'the ledger does not hold this tile (yet)');
    sendBytes(res, bytes, TILE_CACHE);
  }

  @Get('public-key')
  @ApiOperation({ operationId: 'getPublicLedgerKey', summary: 'The signed-note verifier key of the ledger and the origin of its checkpoints: {verifierKey, origin}' })
  @ApiJson(200, LedgerKey, 'the verifier key and the origin of the checkpoints')
  publicKey() {
    return { verifierKey: this.heads.key.verifierKey, origin: this.heads.origin };
  }

  @Get('inclusion-proof')
  @ApiOperation({ operationId: 'getPublicInclusionProof', summary: 'RFC 6962 inclusion proof of an event: {leafIndex, treeSize, leafHash, proof[]} (base64); hashes only' })
  @ApiJson(200, InclusionProof, 'the proof')
  @ApiNotFoundResponse({ description: 'the event is not in the ledger (of that size)' })
  @ApiConflictResponse({ description: 'no tree head has been signed yet' })
  async inclusion(@Query() query: InclusionQueryDto) {
    return this.proofs.inclusion(query.eventId, query.treeSize ?? (await this.latestSize()));
  }

  @Get('consistency-proof')
  @ApiOperation({ operationId: 'getPublicConsistencyProof', summary: 'RFC 6962 consistency proof between two tree sizes: {size1, size2, proof[]}; hashes only' })
  @ApiJson(200, ConsistencyProof, 'the proof')
  @ApiConflictResponse({ description: 'no tree head has been signed yet' })
  async consistency(@Query() query: ConsistencyQueryDto) {
    return this.proofs.consistency(query.from, query.to ?? (await this.latestSize()));
  }

  /** The tile the raw (still percent-encoded) request path names, from `tile/` on. */
  private tileOf(req: Request): TileRef {
    const path = req.path;
    const at = path.indexOf('/tile/');
    const parsed = parseTilePath(at === -1 ? path : path.slice(at + 1));
    if (parsed.ok) return parsed.tile;
    if (parsed.problem === 'BEYOND') throw new DomainError('NOT_FOUND', 'TILE_NOT_FOUND', parsed.reason);
    throw notATile(parsed.reason);
  }

  /**
   * Entry bundles hold every agency's events, so only an inspector whose scope is the whole record may read them
   * (docs/access.md); the route is otherwise public, so the token is checked here.
   */
  private async requireWholeRecordInspector(authorization: string | undefined): Promise<void> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new AuthenticationError('entry bundles hold personal data: sign in as an inspector (Authorization: Bearer <token>)');
    const agencies = await inspectorAgencies(this.scopes, await this.tokens.verify(token));
    if (agencies !== null)
      throw new DomainError('FORBIDDEN', 'AGENCY_NOT_ALLOWED', 'an entry bundle holds every agency’s events: it is for inspectors whose scope is the whole record');
  }
}

function notATile(reason: string): DomainError {
  return new DomainError('VALIDATION', 'BAD_TILE_PATH', reason, { errors: [{ field: 'path', message: reason }] });
}

function sendBytes(res: Response, bytes: Buffer, cacheControl: string): void {
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(bytes);
}
