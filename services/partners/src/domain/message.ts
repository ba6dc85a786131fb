/** What a partner receives for one event, on its feed and in a webhook body. */
export interface PartnerMessage {
  id: string;
  type: string;
  time: string;
  pseudonym: string;
  data: Record<string, unknown>;
}

export interface SourceEvent {
  id: string;
  type: string;
  time: string;
  founderId: string;
  data: Record<string, unknown>;
}
