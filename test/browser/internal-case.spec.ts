import { browserTestApp, standaloneJourneys } from '@mutasi/testing/browser';
import { internalCaseJourney } from './journeys/internal-case.journey';

describe('web app journey: an internal transfer from needs analysis to evaluation', () => {
  const env = standaloneJourneys(browserTestApp());

  it('opens, approves, proposes, socialises, verifies, approves the chain, decrees, appoints and evaluates', () => internalCaseJourney(env), 600_000);
});
