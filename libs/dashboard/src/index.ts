/** libs/dashboard: dashboard-service — read models per screen fed by integration events, API, live stream, web page. */
export * from './dashboard.module';
export { DashboardWorkers } from './dashboard-workers';
export { DashboardStoreFeed } from './store-feed';
export { DashboardChanges } from './changes';
