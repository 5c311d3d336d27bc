import { InMemoryEventStore } from '@mutasi/event-store';
import { eventStoreContract } from './contract';

eventStoreContract('in-memory', async () => ({ store: new InMemoryEventStore(), dispose: async () => undefined }));
