/**
 * libs/relay: the relay — the event store in global order to `mutasi.transfer-events.v1`, through libs/messaging's
 * integration-event mapping, with its checkpoint advanced only after the broker acknowledged (apps/relay; in
 * standalone mode when Kafka is configured).
 */
export { Relay, toMessage } from './relay';
export { RelayModule, RelayWorkers } from './relay.module';
