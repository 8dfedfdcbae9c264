import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

import { isStaff } from "~/auth/guard.server";
import { sessionCookieHeaders, validateRequest } from "~/auth/session.server";
import { useNonce } from "~/components/nonce";
import { Shell, type ShellUser } from "~/components/shell";
import { env } from "~/env.server";
import { followUpBadgeCount } from "~/follow-up/worklist.server";
import { loadShell } from "~/shell/shell.server";
import styles from "~/styles/app.css";

import { db } from "../db/client.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.brand ?? "Refleks" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await validateRequest(request);
  const user: ShellUser | null = auth ? { name: auth.user.name, role: auth.user.role, isCompanyAdmin: auth.user.isCompanyAdmin } : null;
  const [{ contact, unread, notices }, followUps] = await Promise.all([loadShell(db, auth?.user ?? null), auth && isStaff(auth.user) ? followUpBadgeCount(db, auth.user.id) : 0]);
  return json({ user, brand: env.BRAND_NAME, contact, unread, notices, followUps, requestId: context.requestId ?? null }, { headers: sessionCookieHeaders(request, auth) });
}

// The root loader also renews the session cookie, so it runs on every navigation.
export const shouldRevalidate = () => true;

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="da" suppressHydrationWarning>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* Lets CSS fold the phone menu only where the script that opens it will run. */}
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: 'document.documentElement.classList.add("js")' }} />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <Shell
      user={data?.user ?? null}
      brand={data?.brand ?? "Refleks"}
      contact={data?.contact ?? null}
      unread={data?.unread ?? 0}
      notices={data?.notices ?? 0}
      followUps={data?.followUps ?? 0}
    >
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  let title = "Noget gik galt";
  let text = "Prøv igen om lidt. Hvis det bliver ved, så kontakt jobcentret.";
  if (isRouteErrorResponse(error)) {
    // The route's own Danish words when it gave some (utils/http-errors.server.ts), else the general ones.
    const said = typeof error.data?.message === "string" ? error.data.message : null;
    if (error.status === 403) {
      title = "Ingen adgang";
      text = said ?? "Du har ikke adgang til denne side.";
    } else if (error.status === 404) {
      title = "Siden findes ikke";
      text = said ?? "Vi kan ikke finde siden. Måske er linket forkert eller gammelt.";
    } else if (error.status < 500) {
      title = "Det kunne vi ikke";
      text = said ?? text;
    }
  }
  // Unexpected errors are logged on the server (entry.server.tsx handleError) with this id.
  const requestId = !isRouteErrorResponse(error) || error.status >= 500 ? data?.requestId : null;
  return (
    <Shell
      user={data?.user ?? null}
      brand={data?.brand ?? "Refleks"}
      contact={data?.contact ?? null}
      unread={data?.unread ?? 0}
      notices={data?.notices ?? 0}
      followUps={data?.followUps ?? 0}
    >
      <h1>{title}</h1>
      <p>{text}</p>
      {requestId ? (
        <p className="muted">
          Fejlkode: <code>{requestId}</code>. Nævn den, hvis du kontakter jobcentret.
        </p>
      ) : null}
      <p>
        <Link to="/">Gå til forsiden</Link>
      </p>
    </Shell>
  );
}
