export * from './browser';
export * from './journey';
