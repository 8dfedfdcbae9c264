import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import { lucia } from "~/auth/lucia.server";

// Calls route loaders and actions the way Remix does, with real Requests.

export const BASE = "http://refleks.test";

export async function sessionCookie(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, { activityDay: null });
  return lucia.createSessionCookie(session.id).serialize().split(";")[0];
}

export function get(path: string, cookie?: string): Request {
  return new Request(BASE + path, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(BASE + path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

/** The Response a loader or action produced, whether it returned or threw it. */
export async function run(handler: Handler, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await handler({ request, params, context: {} });
    if (result instanceof Response) return result;
    return Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
