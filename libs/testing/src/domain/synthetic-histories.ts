import { randomUUID } from 'node:crypto';
import { caseStreamId, TransferEvent } from '@mutasi/domain';
import { AGENCY, CaseJourney, DEMO_NIP, positionId, World } from '@mutasi/demo-data';
import { EventData, eventIdFor } from '@mutasi/event-store';

/** Real case histories of several routes and endings, made once by the decider, to be cloned under new case ids. */
function templates(world: World): TransferEvent[][] {
  const appointed = new CaseJourney(world, 'tpl-1', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).appointed();
  const province = new CaseJourney(world, 'tpl-2', positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince).decreed();
  const freeze = new CaseJourney(world, 'tpl-3', positionId(AGENCY.tanjungHarapan, 'kasubbag-kepegawaian'), DEMO_NIP.electionFreeze).approved();
  const inter = new CaseJourney(world, 'tpl-4', positionId(AGENCY.lembahHijau, 'analis-kebijakan'), DEMO_NIP.interProvince).decreed();
  return [appointed.events, province.events, freeze.events, inter.events];
}

/**
 * `cases` transfer-case histories (about 20 events each), as they would be stored: the decider's events under fresh
 * case ids, with envelope metadata. For tests and benchmarks that need a large, realistic event store.
 */
export function* syntheticHistories(cases: number, world = new World()): Generator<{ streamId: string; events: EventData[] }> {
  const pool = templates(world);
  for (let i = 0; i < cases; i += 1) {
    const caseId = randomUUID();
    const template = pool[i % pool.length] as TransferEvent[];
    const commandBase = randomUUID();
    const events = template.map((e, n): EventData => {
      const data = e.type === 'TransferCaseOpened.v1' ? { ...e.data, caseId } : e.data;
      const commandId = `${commandBase}-${n}`;
      return {
        eventId: eventIdFor(commandId, 0),
        type: e.type,
        data: data as unknown as Record<string, unknown>,
        metadata: { ...e.metadata, caseId, commandId, correlationId: commandId, causationId: commandId },
      };
    });
    yield { streamId: caseStreamId(caseId), events };
  }
}
