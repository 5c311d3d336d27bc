import { AUDIT_CHECKPOINT_SCHEMA, DATA_SCHEMAS, integrationEventSchema } from './contracts';

/** The published JSON Schema documents: file name → content (docs/integration-events/). */
export function schemaDocuments(): Record<string, string> {
  const docs: Record<string, string> = {};
  for (const type of Object.keys(DATA_SCHEMAS)) docs[`${type}.schema.json`] = `${JSON.stringify(integrationEventSchema(type), null, 2)}\n`;
  docs['mutasi.audit.TreeHeadSigned.v1.schema.json'] = `${JSON.stringify(AUDIT_CHECKPOINT_SCHEMA, null, 2)}\n`;
  return docs;
}
