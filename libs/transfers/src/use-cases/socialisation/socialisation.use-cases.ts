import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { simpleUseCase } from '../simple-use-case';
import { RequiredText } from '../text-fields';

export class NotifyEmployeeDto {
  @RequiredText('the message to the employee') message!: string;
}
export class EmptyDto {}
export class RaiseObjectionDto {
  @RequiredText('why the employee objects (R-32: within 14 days of notification)') reason!: string;
}
export class ResolveObjectionDto {
  @ApiProperty({ enum: ['UPHELD', 'DISMISSED'] }) @IsIn(['UPHELD', 'DISMISSED']) outcome!: 'UPHELD' | 'DISMISSED';
  @RequiredText('the reasons of the decision') reasoning!: string;
}

/** Stage 3, socialisation: notify, acknowledge, object, resolve. */
export const { Message: NotifyEmployee, Handler: NotifyEmployeeHandler } = simpleUseCase('NotifyEmployee', (b: NotifyEmployeeDto) => ({ message: b.message }));
export const { Message: AcknowledgeTransfer, Handler: AcknowledgeTransferHandler } = simpleUseCase('AcknowledgeTransfer', (_: EmptyDto) => ({}));
export const { Message: RaiseObjection, Handler: RaiseObjectionHandler } = simpleUseCase('RaiseObjection', (b: RaiseObjectionDto) => ({ reason: b.reason }));
export const { Message: ResolveObjection, Handler: ResolveObjectionHandler } = simpleUseCase('ResolveObjection', (b: ResolveObjectionDto) => ({
  outcome: b.outcome,
  reasoning: b.reasoning,
}));
