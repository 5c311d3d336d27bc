/** `@mutasi/testing/app`: the end-to-end harness (a real server per test file). Kept apart so unit tests stay light. */
export * from './test-app';
export * from './api-client';
export * from './reference-files';
export * from './smtp-sink';
export * from './server-process';
