/**
 * libs/messaging: integration-event contracts v1 and their mapping, Kafka topics and client, the checkpoint of what was
 * published, the tree head publisher. The relay that publishes the transfer events is libs/relay.
 */
export * from './contracts';
export * from './integration-event';
export { IntegrationMapper } from './integration-mapper';
export { kafkaClient, ensureTopics } from './kafka';
export { RelayCheckpoint } from './relay-checkpoint';
export { TreeHeadPublisher, type PublishableTreeHead } from './tree-head-publisher';
export { RelayTables1700000000400 } from './migrations';
export { schemaDocuments } from './schema-docs';
