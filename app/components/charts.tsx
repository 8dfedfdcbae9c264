// Small accessible charts: each is an image with a title and a description in
// words, and the page shows the same numbers in a table beside it. Labels are
// HTML text, not SVG text, so they keep their size on a phone (an SVG scaled
// to 360 px would shrink them below 8 px) and contrast checkers can read them.

/**
 * Round steps for an axis up to at least `top`: 0, 5, 10 … or 0, 25, 50 …, at
 * most five gaps, so a reader never meets "0, 9, 17, 26, 34 %".
 */
export function roundTicks(top: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => Math.ceil(top / s) <= 5) ?? Math.ceil(top / 5);
  const gaps = Math.max(1, Math.ceil(top / step));
  return Array.from({ length: gaps + 1 }, (_, i) => i * step);
}

export function LineChart({ title, desc, points, max = 30 }: { title: string; desc: string; points: { label: string; value: number | null }[]; max?: number }) {
  const ticks = roundTicks(Math.max(max, ...points.map((p) => p.value ?? 0)));
  const top = ticks.at(-1)!;
  // Positions in per cent of the plot area; the SVG stretches to it.
  const x = (i: number) => (points.length <= 1 ? 0 : (i * 100) / (points.length - 1));
  const y = (v: number) => (1 - v / top) * 100;
  const drawn = points.map((p, i) => ({ ...p, i })).filter((p) => p.value !== null) as { label: string; value: number; i: number }[];
  const every = Math.max(1, Math.ceil(points.length / 8));
  return (
    <div className="line-chart" role="img" aria-label={`${title}. ${desc}`}>
      <div className="plot">
        <svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          {ticks.map((t) => (
            <line key={t} x1={0} x2={100} y1={y(t)} y2={y(t)} className="grid" />
          ))}
          <polyline className="line" fill="none" points={drawn.map((p) => `${x(p.i)},${y(p.value)}`).join(" ")} />
          {drawn.map((p) => (
            // A zero-length line with round caps draws a dot that stays round when the SVG stretches.
            <line key={p.label} x1={x(p.i)} x2={x(p.i)} y1={y(p.value)} y2={y(p.value)} className="dot" />
          ))}
        </svg>
        {ticks.map((t) => (
          <span key={t} className="y-tick" style={{ top: `${y(t)}%` }}>
            {t}&nbsp;%
          </span>
        ))}
        {points.map((p, i) =>
          i % every === 0 || i === points.length - 1 ? (
            // Every other label gives way on narrow screens so they never overlap.
            <span key={p.label} className={(i / every) % 2 === 1 ? "x-tick minor" : "x-tick"} style={{ left: `${x(i)}%` }}>
              {p.label}
            </span>
          ) : null,
        )}
      </div>
    </div>
  );
}

export function BarChart({ title, desc, bars }: { title: string; desc: string; bars: { label: string; value: number; text: string }[] }) {
  const top = Math.max(1, ...bars.map((b) => b.value));
  return (
    <div className="bar-chart" role="img" aria-label={`${title}. ${desc}`}>
      {bars.map((b) => (
        <div key={b.label} className="bar-row">
          <span className="bar-label">{b.label}</span>
          <span className="bar-track">
            <span className="bar" style={{ width: `calc((100% - 5rem) * ${Math.max(0.005, b.value / top).toFixed(4)})` }} />
            <span className="bar-value">{b.text}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
