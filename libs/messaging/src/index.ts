/** libs/messaging: integration-event contracts v1 and their mapping, Kafka topics, the relay, the tree head publisher. */
export * from './contracts';
export * from './integration-event';
export { IntegrationMapper } from './integration-mapper';
export { kafkaClient, ensureTopics } from './kafka';
export { Relay, toMessage } from './relay';
export { RelayCheckpoint } from './relay-checkpoint';
export { TreeHeadPublisher, type PublishableTreeHead } from './tree-head-publisher';
export { RelayTables1700000000400 } from './migrations';
export { RelayModule, RelayWorkers } from './relay.module';
export { schemaDocuments } from './schema-docs';
