export * from './infrastructure';
export * from './unique-names';
export * from './wait-for';
