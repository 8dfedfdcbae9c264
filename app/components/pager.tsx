import { Link, useLocation, useSearchParams } from "@remix-run/react";

/**
 * "Forrige side · Side 2 af 5 · Næste side" under every list that is paged:
 * links to ?side=N on the same page, keeping the search and filters.
 */
export function Pager({ page, pages }: { page: number; pages: number }) {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  if (pages <= 1) return null;
  const href = (n: number) => {
    const next = new URLSearchParams(params);
    if (n === 1) next.delete("side");
    else next.set("side", String(n));
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
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
