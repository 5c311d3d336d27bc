import { describe, expect, it } from '@jest/globals';
import type { CaseView } from '../../api/types';
import { separationOfDutiesNotice } from './separation-of-duties';

const user = { userId: 'ppk.kota-bandar-lestari', name: 'Bunga', agencyId: 'kota-bandar-lestari', roles: ['PPK'] };
const view = (decidedBy: string, actions: CaseView['actions'] = []): CaseView =>
  ({
    actions,
    approvalChain: [{ stepId: 's3', kind: 'DECREE', status: 'ACTIVE', role: 'PPK', agencyId: 'kota-bandar-lestari' }],
    decisions: [{ userId: decidedBy, role: 'OBJECTION_DECISION', name: 'x', at: '2026-12-01T00:00:00Z', office: { role: 'PPK', agencyId: 'kota-bandar-lestari' } }],
  }) as unknown as CaseView;

describe('R-06 separation of duties on the case page', () => {
  it('R-06 tells a holder of the waited-on office who already decided on the case why nothing is offered', () => {
    const notice = separationOfDutiesNotice(view(user.userId), user);
    expect(notice).toContain('R-06');
    expect(notice).toContain('Keputusan keberatan');
    expect(notice).toContain('Pejabat Pembina Kepegawaian');
  });

  it('R-06 says nothing when the holder took no decision, when the step is offered, or to another office', () => {
    expect(separationOfDutiesNotice(view('ppk-2.kota-bandar-lestari'), user)).toBeNull();
    expect(separationOfDutiesNotice(view(user.userId, [{ command: 'IssueDecree' }]), user)).toBeNull();
    expect(separationOfDutiesNotice(view(user.userId), { ...user, roles: ['VERIFIKATOR'] })).toBeNull();
  });
});
