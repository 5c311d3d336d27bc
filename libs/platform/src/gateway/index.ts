export * from './gateway';
export * from './gateway-config';
export * from './gateway-health';
export * from './gateway-routes';
export * from './token-sign-in-page';
