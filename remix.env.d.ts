/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

declare module "@remix-run/node" {
  /** What server.ts hands every loader and action (tests may pass an empty object). */
  interface AppLoadContext {
    /** The nonce of this response's Content-Security-Policy. */
    cspNonce?: string;
    /** The client's address, for rate limits. */
    clientIp?: string;
    /** Shown on the error page and written in every log line of this request. */
    requestId?: string;
  }
}
export {};
