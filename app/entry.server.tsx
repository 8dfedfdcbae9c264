import { PassThrough } from "node:stream";

import { type ActionFunctionArgs, type AppLoadContext, createReadableStreamFromReadable, type EntryContext, type LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import { sessionUserId } from "~/auth/session.server";
import { NonceProvider } from "~/components/nonce";
import { logError, logInfo } from "~/ops/log.server";

const ABORT_DELAY = 5_000;

/**
 * Every unexpected error of a loader, action or render, as one JSON line with
 * the request id the user sees on the error page. Thrown Responses (404, 403,
 * 400 …) are answers, not errors, and aborted requests are not logged.
 */
export async function handleError(error: unknown, { request, params, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  const url = new URL(request.url);
  // A path no route has (a favicon, an old chunk after a deploy) is an answer, not an error.
  if (isRouteErrorResponse(error) && error.status < 500) {
    logInfo("client error", { requestId: context.requestId, route: url.pathname, method: request.method, status: error.status });
    return;
  }
  logError("unexpected error", error, {
    requestId: context.requestId,
    route: url.pathname,
    params,
    method: request.method,
    userId: await sessionUserId(request),
  });
}

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  // The nonce server.ts put in this response's Content-Security-Policy.
  const nonce = loadContext.cspNonce;
  // Bots get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logError("render error", error, { requestId: loadContext.requestId, route: new URL(request.url).pathname });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
