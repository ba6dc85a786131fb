export * from './infrastructure';
export * from './unique-names';
export * from './wait-for';
export * from './processes';
export * from './mail-sink';
export { localStackEnv } from './resolve/local-stack';
