export * from './config';
export * from './activities';
export * from './activities/types';
export * from './worker';
export * from './bridge/bridge';
export {
  founderJourney,
  journeyStateQuery,
  applicationSubmitted,
} from './workflows/founder-journey';
export type { JourneyState, ApplicationSubmittedSignal } from './workflows/founder-journey';
