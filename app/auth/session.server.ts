import { redirect } from "@remix-run/node";
import type { Session, User } from "lucia";

import { markActivity } from "~/stats/activity.server";
import { oncePerRequest } from "~/utils/request-scope.server";

import { db } from "../../db/client.server";
import { lucia } from "./lucia.server";
import { POST_LOGOUT_PATH, providerLogoutUrl } from "./oidc.server";
import { accountInGoodStanding, inGoodStanding } from "./standing.server";

export type SessionUser = User;

export interface Auth {
  user: SessionUser;
  session: Session;
}

/**
 * The signed-in user of this request, or null. A suspended or erased account,
 * or one whose company is suspended, is signed out at once (every session ends).
 * A page's loaders (root and route) share one answer per GET; a POST checks
 * afresh, because its action may change the session the loaders then read.
 */
export async function validateRequest(request: Request): Promise<Auth | null> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  if (request.method !== "GET" && request.method !== "HEAD") return validateSession(sessionId);
  return oncePerRequest(`session:${sessionId}`, () => validateSession(sessionId));
}

async function validateSession(sessionId: string): Promise<Auth | null> {
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return null;
  // The session read brought the account's and its company's status (session-store.server.ts).
  if (!inGoodStanding(user)) {
    await lucia.invalidateUserSessions(user.id);
    return null;
  }
  await markActivity(db, session, user.id);
  return { user, session };
}

/** The id of the request's session (from its cookie; not checked: use after requireUser). */
export function sessionIdOf(request: Request): string | null {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
}

/** The user id behind the request's session cookie, without renewing or marking anything (for error logs). */
export async function sessionUserId(request: Request): Promise<string | null> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  try {
    const row = await db.selectFrom("sessions").select("userId").where("id", "=", sessionId).executeTakeFirst();
    return row?.userId ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether the request's session still holds for this user (not ended, not
 * expired, the account in good standing), renewing and marking nothing: for a
 * stream that stays open long after the request that opened it was checked.
 */
export async function sessionStillHolds(request: Request, userId: string): Promise<boolean> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return false;
  const row = await db.selectFrom("sessions").select(["userId", "expiresAt"]).where("id", "=", sessionId).executeTakeFirst();
  // expiresAt is in seconds (session-store.server.ts).
  if (!row || row.userId !== userId || Number(row.expiresAt) * 1000 <= Date.now()) return false;
  return accountInGoodStanding(db, userId);
}

/**
 * Headers that keep the browser's cookie in step with the session: a renewed
 * cookie when lucia extended the session, a blank one when the cookie is stale.
 */
export function sessionCookieHeaders(request: Request, auth: Auth | null): HeadersInit | undefined {
  if (auth?.session.fresh) return { "Set-Cookie": lucia.createSessionCookie(auth.session.id).serialize() };
  if (!auth && lucia.readSessionCookie(request.headers.get("Cookie") ?? "")) {
    return { "Set-Cookie": lucia.createBlankSessionCookie().serialize() };
  }
  return undefined;
}

/** Starts a session and sends the user on; only same-site paths are followed. */
export async function startSession(userId: string, redirectTo: string, provider?: { audience: string; idToken: string }, extraHeaders: [string, string][] = []): Promise<Response> {
  const session = await lucia.createSession(userId, { activityDay: null, loginMethod: provider?.audience ?? null, idToken: provider?.idToken ?? null });
  // A login is activity too.
  await markActivity(db, session, userId);
  const headers = new Headers(extraHeaders);
  headers.append("Set-Cookie", lucia.createSessionCookie(session.id).serialize());
  return redirect(safeRedirect(redirectTo), { headers });
}

/**
 * Ends this session. A plain logout of a session that came from an identity
 * provider that ends sessions too continues there, and the provider sends the
 * browser back to the same page (its registered post-logout address).
 */
export async function endSession(request: Request, to = POST_LOGOUT_PATH): Promise<Response> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  const row = sessionId ? await db.selectFrom("sessions").select(["loginMethod", "idToken"]).where("id", "=", sessionId).executeTakeFirst() : undefined;
  if (sessionId) await lucia.invalidateSession(sessionId);
  const atProvider = row && to === POST_LOGOUT_PATH ? await providerLogoutUrl(row.loginMethod, row.idToken) : null;
  return redirect(atProvider ?? to, {
    headers: { "Set-Cookie": lucia.createBlankSessionCookie().serialize() },
  });
}

/** Ends every session of a user, e.g. when the account is suspended. */
export async function endAllSessions(userId: string): Promise<void> {
  await lucia.invalidateUserSessions(userId);
}

const OWN_ORIGIN = "http://refleks.invalid";
// Browsers drop tabs and newlines from URLs and read "\" as "/": any of them
// can turn "/\t/evil.example" into "//evil.example". A Location header with
// a newline is a 500 besides.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * Only paths on this site: "/profil" yes; "//x", "/\\x", "/%09/x", "https:x",
 * "javascript:…" and the same encoded once or twice no. Decided by parsing
 * against our own origin and comparing origins, then the normalized path is used.
 */
export function safeRedirect(to: string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  // Checked as given and after each round of decoding, until nothing changes.
  let decoded = to;
  for (let round = 0; ; round++) {
    if (UNSAFE_CHARACTERS.test(decoded) || decoded.startsWith("//")) return fallback;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    if (round === 5) return fallback;
    decoded = next;
  }
  let url: URL;
  try {
    url = new URL(to, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  return url.pathname + url.search + url.hash;
}
