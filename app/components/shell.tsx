import { Form, Link, NavLink, useLocation, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";

import type { ContactView } from "~/jobcenter/schemas";
import { navFor, roleLabels } from "~/users/roles";
import { flashText } from "~/utils/flash";

import type { Role } from "../../db/schema";

export interface ShellUser {
  name: string;
  role: Role;
  isCompanyAdmin: boolean;
}

export function Shell({
  user,
  brand,
  contact,
  unread,
  notices,
  followUps = 0,
  children,
}: {
  user: ShellUser | null;
  brand: string;
  contact: ContactView | null;
  unread: number;
  /** Unread notifications ("Notifikationer" in the header). */
  notices: number;
  /** Rows on the staff member's own "Opfølgning" (the menu badge). */
  followUps?: number;
  children: ReactNode;
}) {
  const [params] = useSearchParams();
  const message = useFlash(flashText(params.get("besked")));
  return (
    <>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            {brand}
          </Link>
          {user ? (
            <div className="who">
              <Link to="/notifikationer">
                Notifikationer
                <UnreadBadge count={notices} noun={["notifikation", "notifikationer"]} />
              </Link>
              <Link to="/min-konto">
                {user.name} <span className="visually-hidden">({roleLabels[user.role]}): Min konto</span>
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="link">
                  Log ud
                </button>
              </Form>
            </div>
          ) : (
            <Link to="/login">Log ind</Link>
          )}
        </div>
        {user ? <MainNav user={user} unread={unread} followUps={followUps} /> : null}
      </header>
      <main id="indhold" tabIndex={-1}>
        {message ? (
          <div className="notice ok" role="status">
            {message}
          </div>
        ) : null}
        {children}
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          {contact ? <ContactDetails contact={contact} headingLevel={2} /> : null}
          <nav aria-label="Om siden" className="footer-links">
            <Link to="/hjaelp">Hjælp</Link>
            <Link to="/privatliv">Sådan passer vi på dine oplysninger</Link>
            {user ? <Link to="/mine-data">Mine data</Link> : null}
            <Link to="/tilgaengelighed">Tilgængelighed</Link>
          </nav>
        </div>
      </footer>
    </>
  );
}

/** The jobcenter's name, address, phone, email and opening hours (an admin edits them under Indstillinger). */
export function ContactDetails({ contact: c, headingLevel }: { contact: ContactView; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const id = useId();
  return (
    <section aria-labelledby={id} className="contact">
      <Heading id={id} className="contact-h">
        Kontakt {c.name}
      </Heading>
      <address>
        {c.address ? <span className="prewrap">{c.address}</span> : null}
        {c.phone ? (
          <span>
            Telefon: <a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}>{c.phone}</a>
          </span>
        ) : null}
        {c.email ? (
          <span>
            E-mail: <a href={`mailto:${c.email}`}>{c.email}</a>
          </span>
        ) : null}
        {c.openingHours ? <span className="prewrap">{c.openingHours}</span> : null}
        {!c.phone && !c.email ? <span>Spørg din kontaktperson i jobcentret.</span> : null}
      </address>
    </section>
  );
}

/**
 * The main menu. On a phone it folds behind "Menu" (with the current page
 * named beside it), so a long staff menu does not fill the screen; without
 * JavaScript it is simply shown.
 */
function MainNav({ user, unread: initialUnread, followUps }: { user: ShellUser; unread: number; followUps: number }) {
  const location = useLocation();
  const unread = useLiveUnread(initialUnread);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [location.key]);
  // Escape closes the open menu and puts the keyboard back on "Menu".
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  const items = navFor(user);
  const current = items.find((i) => (i.to === "/" ? location.pathname === "/" : location.pathname.startsWith(i.to)));
  return (
    <nav className={open ? "main-nav open" : "main-nav"} aria-label="Hovedmenu">
      <div className="menu-bar">
        <button ref={toggle} type="button" className="menu-toggle" aria-expanded={open} aria-controls="hovedmenu" onClick={() => setOpen(!open)}>
          Menu
          <UnreadBadge count={unread} />
        </button>
        {current ? <span className="menu-current">{current.label}</span> : null}
      </div>
      <ul id="hovedmenu">
        {items.map((item) => (
          <li key={item.to}>
            {item.ready ? (
              <NavLink to={item.to} end={item.to === "/"}>
                {item.label}
                {item.to === "/beskeder" ? <UnreadBadge count={unread} /> : null}
                {item.to === "/opfoelgning" ? <CountBadge count={followUps} hidden="at følge op på" /> : null}
              </NavLink>
            ) : (
              <span>
                {item.label} <small>(kommer snart)</small>
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function UnreadBadge({ count, noun = ["besked", "beskeder"] }: { count: number; noun?: [string, string] }) {
  if (count <= 0) return null;
  return (
    <>
      {" "}
      <span className="nav-badge">
        {count} {count === 1 ? "ny" : "nye"}
        <span className="visually-hidden"> {count === 1 ? noun[0] : noun[1]}</span>
      </span>
    </>
  );
}

/** A plain count beside a menu item, with what it counts for screen readers. */
function CountBadge({ count, hidden }: { count: number; hidden: string }) {
  if (count <= 0) return null;
  return (
    <>
      {" "}
      <span className="nav-badge">
        {count}
        <span className="visually-hidden"> {hidden}</span>
      </span>
    </>
  );
}

/**
 * The unread count from the server-sent events of /beskeder/live, so the
 * badge changes without a reload; an open conversation reloads its messages
 * when the count goes up. Starts from the count the page was rendered with.
 */
function useLiveUnread(initial: number): number {
  const [count, setCount] = useState(initial);
  const location = useLocation();
  const revalidator = useRevalidator();
  const latest = useRef({ count: initial, path: location.pathname, revalidate: revalidator.revalidate });
  latest.current.path = location.pathname;
  latest.current.revalidate = revalidator.revalidate;
  useEffect(() => {
    latest.current.count = initial;
    setCount(initial);
  }, [initial]);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/beskeder/live");
    source.addEventListener("update", (event) => {
      const unread = Number((JSON.parse((event as MessageEvent<string>).data) as { unread: number }).unread);
      const grew = unread > latest.current.count;
      latest.current.count = unread;
      setCount(unread);
      if (grew && latest.current.path.startsWith("/beskeder")) latest.current.revalidate();
    });
    return () => source.close();
  }, []);
  return count;
}

/**
 * The status message from "?besked=", until the user sends the next form: a
 * form that fails stays on the same address, and "Det er gemt." must not stand
 * beside its error. A new address (the redirect after a success) shows anew.
 */
function useFlash(message: string | null): string | null {
  const location = useLocation();
  const navigation = useNavigation();
  const [hiddenFor, setHiddenFor] = useState<string | null>(null);
  useEffect(() => {
    if (navigation.state === "submitting") setHiddenFor(location.key);
  }, [navigation.state, location.key]);
  return hiddenFor === location.key ? null : message;
}
