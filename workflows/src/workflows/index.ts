export * from './founder-journey';
export * from './mentorship';
