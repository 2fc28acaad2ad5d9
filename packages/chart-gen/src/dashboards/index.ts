export * from './grafana-json';
export * from './model';
export * from './readme';
