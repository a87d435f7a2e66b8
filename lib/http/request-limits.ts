/**
 * How big a request may be. Imported by next.config.ts and proxy.ts too, so it imports nothing.
 *
 * The largest thing anyone sends is an attachment (25 MB: a message's, a delivery's or a
 * dispute's file). A form carrying one is a little bigger (its other fields, the multipart
 * framing), so requests may be up to 1 MB more: a file at the limit arrives whole, one just over
 * it reaches the form, which says it is too large. A bigger request is answered 413 by the proxy
 * before anything reads it.
 */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** An expert's evidence file. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** A profile photo. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export const MAX_REQUEST_BODY_BYTES = MAX_ATTACHMENT_BYTES + 1024 * 1024;
