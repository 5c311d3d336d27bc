import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import { CaseResponse } from '../cases/transfer-cases.service';
import { CaseCommandMessage, respond } from './case-command';

/** Base of the stage controllers: dispatch the use case's message on the bus and answer with its ETag. */
@Injectable()
export abstract class CaseCommandController {
  constructor(private readonly commands: CommandBus) {}

  protected async send(res: Response, message: CaseCommandMessage<unknown>): Promise<Record<string, unknown>> {
    return respond(res, await this.commands.execute<CaseCommandMessage<unknown>, CaseResponse>(message));
  }
}
