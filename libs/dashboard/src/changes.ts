import { Observable, Subject } from 'rxjs';
import { IntegrationEvent } from '@mutasi/messaging';

/** A change of the dashboard's read models, pushed to `/api/dashboard/stream`. */
export interface DashboardChange {
  readonly caseId: string;
  readonly type: string;
  readonly stage: string;
  readonly status: string;
  readonly targetAgencyId: string;
  readonly originAgencyId: string | null;
  readonly at: string;
}

/** Fans committed read-model changes out to live listeners (server-sent events). */
export class DashboardChanges {
  private readonly subject = new Subject<DashboardChange>();

  get stream(): Observable<DashboardChange> {
    return this.subject.asObservable();
  }

  publish(events: readonly IntegrationEvent[]): void {
    for (const e of events) {
      this.subject.next({
        caseId: e.caseId,
        type: e.type,
        stage: e.case.stage,
        status: e.case.status,
        targetAgencyId: e.case.targetAgencyId,
        originAgencyId: e.case.originAgencyId,
        at: e.occurredAt,
      });
    }
  }
}
