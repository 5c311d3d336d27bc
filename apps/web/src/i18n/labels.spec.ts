import { describe, expect, it } from '@jest/globals';
import { DOCUMENT_KINDS as KINDS, PERMISSIONS, ROLES as DOMAIN_ROLES, ROUTES as DOMAIN_ROUTES } from '../../../../libs/domain/src';
import { ACTIONS, DOCUMENT_KINDS, EVENTS, ROLES, ROUTES, STATUSES } from './labels';

/** Every code the domain can put on a screen has an Indonesian label: a new code without one fails here, not in front of a user. */
describe('labels for the codes', () => {
  it('every route, role and document kind of the domain has a label', () => {
    expect(DOMAIN_ROUTES.filter((r) => !ROUTES[r])).toEqual([]);
    expect(DOMAIN_ROLES.filter((r) => !ROLES[r])).toEqual([]);
    expect(KINDS.filter((k) => !DOCUMENT_KINDS[k])).toEqual([]);
  });

  it('every command a person may send has the action name of docs/ui.md', () => {
    const human = Object.entries(PERMISSIONS)
      .filter(([, p]) => p.roles === 'STEP_ROLE' || !p.roles.every((r) => r === 'SYSTEM'))
      .map(([type]) => type);
    expect(human.filter((c) => c !== 'OpenTransferCase' && c !== 'ReportReplacement' && !ACTIONS[c])).toEqual([]);
    expect([ACTIONS.ApproveStep, ACTIONS.RejectStep, ACTIONS.ReturnForRevision, ACTIONS.IssueDecree, ACTIONS.RevokeDecree]).toEqual([
      'Setujui',
      'Tolak',
      'Kembalikan untuk perbaikan',
      'Terbitkan SK',
      'Cabut SK',
    ]);
  });

  it('statuses and event types read as Indonesian, never as the raw code', () => {
    expect(STATUSES.IN_APPROVAL).toBe('Dalam persetujuan');
    expect(Object.entries(EVENTS).filter(([code, text]) => text === code)).toEqual([]);
  });
});
