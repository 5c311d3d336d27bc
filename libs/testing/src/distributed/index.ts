export * from './distributed-stack';
