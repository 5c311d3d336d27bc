import { simpleUseCase } from '../simple-use-case';
import { OptionalText } from '../text-fields';

export class ApproveNeedsAnalysisDto {
  @OptionalText('notes of the approver') notes?: string;
}

/** The target agency's PPK or performance-assessment team approves the needs analysis. */
export const { Message: ApproveNeedsAnalysis, Handler: ApproveNeedsAnalysisHandler } = simpleUseCase('ApproveNeedsAnalysis', (b: ApproveNeedsAnalysisDto) => ({
  notes: b.notes ?? '',
}));
