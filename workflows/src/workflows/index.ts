export * from './founder-journey';
