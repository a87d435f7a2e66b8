/**
 * Thrown by an event handler when the event refers to something another event has not created
 * yet (a chargeback before its payment's completion): the event stays unprocessed and its job
 * is retried later (graphile-worker backoff), or at once when the missing piece arrives.
 */
export class EventNotReady extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EventNotReady";
  }
}
