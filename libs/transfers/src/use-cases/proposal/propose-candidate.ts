import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../cases/command-context';
import { CaseResponse, TransferCases } from '../../cases/transfer-cases.service';
import { CaseCommandMessage } from '../case-command';
import { ProposalDto, proposalInput } from './proposal.dto';

export class ProposeCandidate extends CaseCommandMessage<ProposalDto> {}

@CommandHandler(ProposeCandidate)
export class ProposeCandidateHandler implements ICommandHandler<ProposeCandidate, CaseResponse> {
  constructor(
    private readonly cases: TransferCases,
    private readonly context: CommandContext,
  ) {}

  execute(c: ProposeCandidate): Promise<CaseResponse> {
    return this.cases.execute(c.request('ProposeCandidate', (state, m) => this.context.proposal('ProposeCandidate', proposalInput(c.body), state, m)));
  }
}
