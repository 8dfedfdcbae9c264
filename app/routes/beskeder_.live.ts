import type { LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guard.server";
import { sessionStillHolds } from "~/auth/session.server";
import { onMessage } from "~/messages/live.server";
import { unreadCount } from "~/messages/threads.server";
import { viewerOf } from "~/messages/viewer.server";
import { metrics } from "~/ops/metrics.server";

import { db } from "../../db/client.server";

// Everyone signed in: server-sent events with their unread count ("update"),
// sent when it changes. The menu's badge and an open conversation follow it
// without a reload; without JavaScript the page simply shows the count it
// was rendered with.
const RECHECK_MS = 30_000;
const HEARTBEAT_MS = 20_000;
// A stream ends after a while; EventSource reconnects by itself (and so meets a session that has ended).
const LIFETIME_MS = 10 * 60_000;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = viewerOf(user);
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last: number | null = null;
      let closed = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const check = async () => {
        try {
          // Every push checks the session again: a suspended, erased or logged-out user hears nothing more.
          if (!(await sessionStillHolds(request, user.id))) {
            cleanup();
            return;
          }
          const unread = await unreadCount(db, viewer);
          if (unread !== last) {
            last = unread;
            write(`event: update\ndata: ${JSON.stringify({ unread })}\n\n`);
          }
        } catch {
          // The database is closing (shutdown): the stream ends below.
        }
      };
      const timers = [setInterval(check, RECHECK_MS), setInterval(() => write(": ping\n\n"), HEARTBEAT_MS), setTimeout(() => cleanup(), LIFETIME_MS)];
      const subscription = onMessage(() => void check());
      metrics.liveStreams.inc();
      cleanup = () => {
        if (closed) return;
        closed = true;
        metrics.liveStreams.dec();
        timers.forEach((t) => clearTimeout(t));
        subscription.stop();
        try {
          controller.close();
        } catch {
          // Already cancelled by the client.
        }
      };
      request.signal.addEventListener("abort", () => cleanup());
      write("retry: 5000\n\n");
      // The first count is read once announcements are heard, so none falls in between.
      void subscription.ready.then(check);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no" },
  });
}
