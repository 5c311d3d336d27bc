import { browserTestApp, standaloneJourneys } from '@mutasi/testing/browser';
import { adminImportJourney, dashboardAndCriteriaJourney, oversightJourney } from './journeys/oversight.journey';

/**
 * The remaining tasks by clicking: BKN freezes, unfreezes and revokes (task 17); the administrator previews an import,
 * sees every error, then applies a good one (21); the dashboards (20) and the merit criteria (22).
 */
describe('web app journeys: oversight, administration, dashboards, criteria', () => {
  const env = standaloneJourneys(browserTestApp());

  it('KEPALA_BKN freezes a case and unfreezes it, then revokes its decree; nobody else is offered these', () => oversightJourney(env), 300_000);
  it('ADMIN previews an import: every error is listed and nothing is written; a good file shows its changes and applies', () => adminImportJourney(env), 300_000);
  it('the inspector follows the dashboards, live; every signed-in user reads the merit criteria', () => dashboardAndCriteriaJourney(env), 300_000);
});
