export * from './model';
export * from './generate';
export * from './generate-all';
export * from './validate';
export * from './write';
export { charts } from './charts';
export { valuesSchema } from './emit/values-schema';
