import { KurrentDbEventStore, positionOf, START } from '@mutasi/event-store';
import { fromResolved, isSystemEvent, toKurrentExpected, toKurrentPosition } from '../src/kurrentdb/mapping';
import { eventStoreContract } from './contract';

const connection = process.env.EVENTSTORE_CONNECTION_STRING;

describe('KurrentDB adapter mapping', () => {
  it('maps expected revisions and positions both ways', () => {
    expect(toKurrentExpected('no_stream')).toBe('no_stream');
    expect(toKurrentExpected('any')).toBe('any');
    expect(toKurrentExpected(41)).toBe(41n);
    expect(toKurrentPosition(positionOf(1234n, 1200n))).toEqual({ commit: 1234n, prepare: 1200n });
    expect(toKurrentPosition(START)).toEqual({ commit: 0n, prepare: 0n });
  });

  it('hides KurrentDB system streams and events, links and binary events', () => {
    expect(isSystemEvent('$stats-127.0.0.1:2113', 'x')).toBe(true);
    expect(isSystemEvent('transfer-1', '$metadata')).toBe(true);
    expect(isSystemEvent('transfer-1', 'TransferCaseOpened.v1')).toBe(false);
    expect(fromResolved({})).toBeNull();
    const base = {
      streamId: 'transfer-1',
      id: 'e1',
      revision: 3n,
      type: 'X.v1',
      created: new Date(0),
      data: { a: 1 },
      metadata: { prevHash: 'p', hash: 'h' },
      position: { commit: 9n, prepare: 8n },
    };
    expect(fromResolved({ event: { ...base, isJson: false, data: new Uint8Array() } } as never)).toBeNull();
    expect(fromResolved({ event: { ...base, isJson: true } } as never)).toEqual({
      streamId: 'transfer-1',
      revision: 3,
      eventId: 'e1',
      type: 'X.v1',
      data: { a: 1 },
      metadata: { prevHash: 'p', hash: 'h' },
      globalPosition: positionOf(9n, 8n),
    });
  });
});

if (connection) {
  eventStoreContract(
    'KurrentDB',
    async () => {
      const store = KurrentDbEventStore.connect(connection);
      return { store, dispose: () => store.close() };
    },
    { globalEventIdIndex: false },
  );
} else {
  // Said plainly, not silently: no KurrentDB server can be installed on this machine (see README, "Tests").
  process.stdout.write(
    '\nKurrentDB contract suite skipped: EVENTSTORE_CONNECTION_STRING is not set (start KurrentDB with docker compose and set it, e.g. esdb://127.0.0.1:2113?tls=false).\n',
  );
}
