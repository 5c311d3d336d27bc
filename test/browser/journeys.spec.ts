import { browserTestApp, standaloneJourneys } from '@mutasi/testing/browser';
import { crossAgencyJourney, objectionJourney, refusedProposalJourney } from './journeys/case-journeys.journey';

/**
 * Journeys 2–4 of the web app, each done by clicking as the right person: a cross-agency case with a Mendagri overlay
 * and the training it needs; the employee objecting on a phone and the PPK deciding by keyboard alone; and a
 * proposal refused by R-21, shown with its rule and legal basis.
 */
describe('web app journeys', () => {
  const env = standaloneJourneys(browserTestApp());

  it('a cross-agency case with a Mendagri overlay: every step, the training plan adjusted and completed, and the decree by clicking', () => crossAgencyJourney(env), 600_000);
  it('the employee objects on a phone with a reason and an attachment; the PPK decides with the keyboard alone', () => objectionJourney(env), 300_000);
  it(
    'R-21 refuses a self-requested move to another agency within ten years: the dialog names the rule and its legal basis; a DINAS proposal of the same employee passes',
    () => refusedProposalJourney(env),
    300_000,
  );
});
