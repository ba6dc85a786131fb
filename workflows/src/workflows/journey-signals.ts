// Signals, queries and search attributes of the founder journey.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { JourneyEvent, JourneyState } from './journey-model';

/** The walking skeleton's signal: still handled, so journeys started by it keep working. */
export interface ApplicationSubmittedSignal {
  eventId: string;
  founderId: string;
  applicationId: string;
}

export const applicationSubmitted =
  defineSignal<[ApplicationSubmittedSignal]>('applicationSubmitted');
/** Every event the bridge forwards, deduplicated by its event id. */
export const journeyEvent = defineSignal<[JourneyEvent]>('journeyEvent');
export const journeyStateQuery = defineQuery<JourneyState>('state');

/** Keyword search attributes, registered on the dev server by infra/local/lib/temporal.sh. */
export const SEARCH_ATTRIBUTES = ['JourneyStage', 'CounsellorId', 'Municipality', 'FocusArea'];
