import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../cases/command-context';
import { CaseResponse, TransferCases } from '../../cases/transfer-cases.service';
import { CaseCommandMessage } from '../case-command';
import { ProposalDto, proposalInput } from './proposal.dto';

export class ReviseProposal extends CaseCommandMessage<ProposalDto> {}

@CommandHandler(ReviseProposal)
export class ReviseProposalHandler implements ICommandHandler<ReviseProposal, CaseResponse> {
  constructor(
    private readonly cases: TransferCases,
    private readonly context: CommandContext,
  ) {}

  execute(c: ReviseProposal): Promise<CaseResponse> {
    return this.cases.execute(c.request('ReviseProposal', (state, m) => this.context.proposal('ReviseProposal', proposalInput(c.body), state, m)));
  }
}
