import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SimpleCommandData, SimpleCommandType } from '@mutasi/domain';
import { CommandContext } from '../cases/command-context';
import { CaseResponse, TransferCases } from '../cases/transfer-cases.service';
import { CaseCommandMessage } from './case-command';

/**
 * A use case whose domain command is its body, reshaped: the message class the controller dispatches and the handler
 * that runs it through the case service. Use cases that need reference data write their handler out in full.
 */
export function simpleUseCase<B, T extends SimpleCommandType>(type: T, toData: (body: B) => SimpleCommandData<T>) {
  class Message extends CaseCommandMessage<B> {}

  @CommandHandler(Message)
  class Handler implements ICommandHandler<Message, CaseResponse> {
    constructor(
      readonly cases: TransferCases,
      readonly context: CommandContext,
    ) {}

    execute(c: Message): Promise<CaseResponse> {
      return this.cases.execute(c.request(type, (_, metadata) => this.context.simple(type, toData(c.body), metadata)));
    }
  }

  Object.defineProperty(Message, 'name', { value: type });
  Object.defineProperty(Handler, 'name', { value: `${type}Handler` });
  return { Message, Handler };
}
