import { simpleUseCase } from '../simple-use-case';
import { RequiredText } from '../text-fields';

export class WithdrawDto {
  @RequiredText('why the case is withdrawn') reason!: string;
}

export class BknActionDto {
  @RequiredText('the reason') reason!: string;
  @RequiredText('reference of the BKN audit or decision', 200) reference!: string;
}

/** Withdrawal by the receiving agency, and BKN's freeze, unfreeze and revocation. */
export const { Message: WithdrawTransfer, Handler: WithdrawTransferHandler } = simpleUseCase('WithdrawTransfer', (b: WithdrawDto) => ({ reason: b.reason }));
export const { Message: FreezeCase, Handler: FreezeCaseHandler } = simpleUseCase('FreezeCase', (b: BknActionDto) => ({ reason: b.reason, reference: b.reference }));
export const { Message: UnfreezeCase, Handler: UnfreezeCaseHandler } = simpleUseCase('UnfreezeCase', (b: BknActionDto) => ({ reason: b.reason, reference: b.reference }));
export const { Message: RevokeDecree, Handler: RevokeDecreeHandler } = simpleUseCase('RevokeDecree', (b: BknActionDto) => ({ reason: b.reason, reference: b.reference }));
