/** libs/demo-data: the deterministic demo and test data set (docs/domain.md §8, grown). Depends on libs/domain only. */
export * from './agencies';
export * from './positions';
export * from './employees';
export * from './users';
export * from './dataset';
export { Prng } from './prng';
export * from './driver/mutasi-http';
export * from './driver/case-driver';
export * from './skp-rounds';
export * from './relative-dates';
export * from './workload';
export * from './abk-tasks';
export * from './driver/demo-story';
export * from './driver/workload-story';
export * from './journeys/world';
export * from './journeys/case-journeys';
export { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './names';
