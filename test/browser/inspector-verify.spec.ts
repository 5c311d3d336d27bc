import { AuditWorkers } from '@mutasi/audit';
import { browserTestApp, standaloneJourneys } from '@mutasi/testing/browser';
import { inspectorVerifyJourney } from './journeys/inspector.journey';

describe('web app journey: the inspector verifies a case in the browser: Terverifikasi, Tidak lengkap, Gagal verifikasi', () => {
  // The audit workers are driven by hand (catchUp), not left running: the bundle only covers events the ledger has
  // taken, so the journey makes the ledger take all of the case before it looks.
  const app = browserTestApp({ workers: false });
  const env = standaloneJourneys(app);

  it(
    'verifies the decreed case with the pinned key, refuses a wrong key, names revisions cut off and the revision altered, and applies a witness policy',
    () => inspectorVerifyJourney(env, () => app.t.app.get(AuditWorkers).catchUp()),
    300_000,
  );
});
