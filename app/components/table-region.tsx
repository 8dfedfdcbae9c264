import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

type CellProps = { "data-label"?: string; children?: ReactNode };

/**
 * A table in a labelled, keyboard-focusable region. On a phone each row becomes
 * a small card: every cell is shown under its column heading (from `head`,
 * copied onto the cell as data-label), so the page never scrolls sideways.
 */
export function TableRegion({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="stack-on-phone">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th scope="col" key={`${i}-${h}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{Children.map(children, (row) => labelCells(row, head))}</tbody>
      </table>
    </div>
  );
}

function labelCells(row: ReactNode, head: string[]): ReactNode {
  if (!isValidElement<{ children?: ReactNode }>(row)) return row;
  let column = 0;
  const cells = Children.map(row.props.children, (cell) => {
    if (!isValidElement<CellProps>(cell)) return cell;
    const label = head[column++];
    return label ? cloneElement(cell as ReactElement<CellProps>, { "data-label": label }) : cell;
  });
  return cloneElement(row, undefined, cells);
}
