/** libs/dashboard: dashboard-service — read models per screen fed by integration events, API, live stream, web page. */
export * from './dashboard.module';
export { DashboardWorkers } from './dashboard-workers';
export { DashboardStoreFeed } from './store-feed';
export { DashboardProjector } from './dashboard-projector';
export { DashboardKafkaFeed } from './kafka-feed';
export { DashboardChanges } from './changes';
export { DASHBOARD_TABLES } from './migrations';
