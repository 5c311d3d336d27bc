import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJson, Public } from '@mutasi/platform';
import { TreeHeads } from '../ledger/tree-heads';
import { LedgerKey } from './audit.schema';

/**
 * `GET /api/audit/ledger/public-key`, kept at its first address beside the inspectors' ledger routes but public: the
 * key that verifies checkpoints must be had without an account (as at `GET /api/ledger/public-key`), or nobody outside
 * could check what the ledger signs.
 */
@ApiTags('audit')
@Public()
@Controller('api/audit/ledger')
export class LedgerKeyController {
  constructor(private readonly heads: TreeHeads) {}

  @Get('public-key')
  @ApiOperation({ operationId: 'getLedgerPublicKey', summary: 'The signed-note verifier key of the ledger: {verifierKey, origin}; public, as GET /api/ledger/public-key' })
  @ApiJson(200, LedgerKey, 'the verifier key and the origin of the checkpoints')
  publicKey() {
    return { verifierKey: this.heads.key.verifierKey, origin: this.heads.origin };
  }
}
