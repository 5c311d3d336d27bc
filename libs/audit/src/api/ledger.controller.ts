import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DomainError, invalid } from '@mutasi/domain';
import { parseWitnessPolicy, type WitnessPolicy } from '@mutasi/integrity';
import { LedgerWitnesses } from '../ledger/ledger-witnesses';
import { ApiJson, AppConfig, Clock, CurrentUser, list, Principal } from '@mutasi/platform';
import { BundleExporter } from '../export/bundle-exporter';
import { LedgerProofs } from '../ledger/proofs';
import { TreeHeads } from '../ledger/tree-heads';
import { RecordVerifier } from '../verify/record-verifier';
import { ExportFilterDto } from './audit-filters.dto';
import { ReadScopes } from '@mutasi/read-models';
import { AuditQueries } from './audit-queries';
import { ConsistencyProof, InclusionProof, TreeHead, VerificationReport } from './audit.schema';
import { AuditRoute, inspectorAgencies, requireInspector } from './inspector';

export class InclusionQueryDto {
  @ApiPropertyOptional() @IsUUID() eventId!: string;
  @ApiPropertyOptional({ description: 'default: the latest signed tree head' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) treeSize?: number;
}

export class ConsistencyQueryDto {
  @ApiPropertyOptional() @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) from!: number;
  @ApiPropertyOptional({ description: 'default: the latest signed tree head' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) to?: number;
}

export class VerifyDto {
  @ApiPropertyOptional({ description: 'a checkpoint (signed tree head) you kept: the ledger must still extend it' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  checkpoint?: string;
  @ApiPropertyOptional({
    description:
      'a witness policy "<k> of <cosigner vkey> …" the latest checkpoint must meet; default: the witnesses the server is configured with, LEDGER_WITNESS_THRESHOLD of them',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  witnessPolicy?: string;
}

@AuditRoute()
@Controller('api/audit')
export class LedgerController {
  constructor(
    private readonly heads: TreeHeads,
    private readonly proofs: LedgerProofs,
    private readonly verifier: RecordVerifier,
    private readonly exporter: BundleExporter,
    private readonly clock: Clock,
    private readonly queries: AuditQueries,
    private readonly scopes: ReadScopes,
    private readonly witnesses: LedgerWitnesses,
    private readonly config: AppConfig,
  ) {}

  private async latestSize(): Promise<number> {
    const head = await this.heads.latest();
    if (!head) throw new DomainError('CONFLICT', 'NO_TREE_HEAD', 'no tree head has been signed yet');
    return head.treeSize;
  }

  @Get('ledger/tree-head')
  @ApiOperation({ operationId: 'getLatestTreeHead', summary: 'The latest signed tree head: {treeSize, rootHash, timestamp, checkpoint (C2SP signed note)}' })
  @ApiJson(200, TreeHead, 'the latest signed tree head')
  @ApiNotFoundResponse({ description: 'no tree head has been signed yet' })
  async treeHead(@CurrentUser() user: Principal) {
    requireInspector(user);
    const head = await this.heads.latest();
    if (!head) throw new DomainError('NOT_FOUND', 'NO_TREE_HEAD', 'no tree head has been signed yet');
    return head;
  }

  @Get('ledger/tree-heads')
  @ApiOperation({ operationId: 'listTreeHeads', summary: 'Every signed tree head, oldest first' })
  @ApiJson(200, list(TreeHead), 'oldest first')
  async treeHeads(@CurrentUser() user: Principal) {
    requireInspector(user);
    return this.heads.all();
  }

  @Post('ledger/tree-heads')
  @HttpCode(200)
  @ApiOperation({ operationId: 'signTreeHead', summary: 'Sign a tree head of the ledger now (on request), if it grew since the last one' })
  @ApiJson(200, TreeHead, 'the new tree head; an empty body when the ledger did not grow since the last one')
  async sign(@CurrentUser() user: Principal) {
    requireInspector(user);
    const head = await this.heads.signIfDue(this.clock.now(), true);
    return head ? this.witnesses.cosign(head) : head;
  }

  @Get('ledger/inclusion-proof')
  @ApiOperation({ operationId: 'getInclusionProof', summary: 'RFC 6962 inclusion proof of an event: {leafIndex, treeSize, leafHash, proof[]} (base64)' })
  @ApiJson(200, InclusionProof, 'the proof')
  @ApiNotFoundResponse({ description: 'the event is not in the ledger (of that size)' })
  @ApiConflictResponse({ description: 'no tree head has been signed yet' })
  async inclusion(@Query() query: InclusionQueryDto, @CurrentUser() user: Principal) {
    requireInspector(user);
    return this.proofs.inclusion(query.eventId, query.treeSize ?? (await this.latestSize()));
  }

  @Get('ledger/consistency-proof')
  @ApiOperation({ operationId: 'getConsistencyProof', summary: 'RFC 6962 consistency proof between two tree sizes: {size1, size2, proof[]}' })
  @ApiJson(200, ConsistencyProof, 'the proof')
  @ApiConflictResponse({ description: 'no tree head has been signed yet' })
  async consistency(@Query() query: ConsistencyQueryDto, @CurrentUser() user: Principal) {
    requireInspector(user);
    return this.proofs.consistency(query.from, query.to ?? (await this.latestSize()));
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({ operationId: 'verifyRecord', summary: 'Recompute chains and the ledger from the raw events: {ok, checkedEvents, failures: [{position, eventId, reason}]}' })
  @ApiJson(200, VerificationReport, 'the report: ok, or the first failing places')
  async verify(@Body() body: VerifyDto, @CurrentUser() user: Principal) {
    requireInspector(user);
    let witnessPolicy: WitnessPolicy;
    try {
      witnessPolicy = body.witnessPolicy ? parseWitnessPolicy(body.witnessPolicy) : this.witnesses.policy(this.config.values.ledger.witnessThreshold);
    } catch (error: unknown) {
      throw invalid('WITNESS_POLICY_INVALID', 'witnessPolicy', error instanceof Error ? error.message : String(error));
    }
    // A head signed a moment ago may not have been submitted yet: ask the witnesses now, so only a refusal or an
    // offline witness leaves the policy unmet.
    await this.witnesses.catchUp();
    return this.verifier.verify({ ...(body.checkpoint ? { heldCheckpoint: body.checkpoint } : {}), witnessPolicy });
  }

  @Get('export')
  @ApiOperation({
    operationId: 'exportAuditBundle',
    summary: 'A self-contained bundle (mutasi-audit-bundle/v2, JSON lines) that `npx mutasi verify <file>` checks offline',
    description:
      "Events, hashes, inclusion proofs, the proofs that the case (or the agency's case list) is complete in the checkpoint's maps, the checkpoint with its cosignatures, the verifier key, consistency proofs. Streamed, one JSON value per line (docs/completeness.md).",
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'the bundle, one JSON value per line', content: { 'application/x-ndjson': { schema: { type: 'string' } } } })
  @ApiConflictResponse({ description: 'no tree head has been signed yet' })
  async export(@Query() filter: ExportFilterDto, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const agencies = await inspectorAgencies(this.scopes, user);
    if (filter.caseId) await this.queries.requireCaseIn(filter.caseId, agencies);
    if (filter.agencyId && agencies !== null && !agencies.includes(filter.agencyId))
      throw new DomainError('FORBIDDEN', 'AGENCY_NOT_ALLOWED', `${filter.agencyId} di luar yang boleh Anda baca`);
    const bundle = await this.exporter.export(filter, this.clock.now());
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${bundle.fileName}"`);
    // A failure half-way cuts the stream short: the verifier then says the bundle ends without its end line.
    await pipeline(Readable.from(withNewlines(bundle.lines)), res).catch(() => res.destroy());
  }
}

async function* withNewlines(lines: AsyncIterable<string>): AsyncIterable<string> {
  for await (const line of lines) yield `${line}\n`;
}
