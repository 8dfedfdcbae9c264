import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** One fact in a <dl className="facts"> list. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A titled list of tags (h2); nothing when empty. */
export function TagSection({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      <ul className="tags">
        {items.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </section>
  );
}

/** "Forrige side · Side 2 af 5 · Næste side", keeping the other search parameters. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Sider" className="actions">
      {page > 1 ? <Link to={href(page - 1)}>Forrige side</Link> : null}
      <span>
        Side {page} af {pages}
      </span>
      {page < pages ? <Link to={href(page + 1)}>Næste side</Link> : null}
    </nav>
  );
}
