export * from './browser';
export * from './journey';
export * from './browser-test-app';
export * from './journey-env';
