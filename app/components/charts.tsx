import { useId } from "react";

// Small accessible SVG charts: each is an image with a title and a description
// in words, and the page shows the same numbers in a table beside it.

export function LineChart({ title, desc, points, max = 30 }: { title: string; desc: string; points: { label: string; value: number | null }[]; max?: number }) {
  const id = useId();
  const W = 640;
  const H = 260;
  const pad = { l: 44, r: 12, t: 12, b: 40 };
  const top = Math.max(max, ...points.map((p) => p.value ?? 0));
  const x = (i: number) => pad.l + (points.length <= 1 ? 0 : (i * (W - pad.l - pad.r)) / (points.length - 1));
  const y = (v: number) => pad.t + (1 - v / top) * (H - pad.t - pad.b);
  const drawn = points.map((p, i) => ({ ...p, i })).filter((p) => p.value !== null) as { label: string; value: number; i: number }[];
  const every = Math.max(1, Math.ceil(points.length / 8));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(top * f));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart" role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={pad.l} x2={W - pad.r} y1={y(t)} y2={y(t)} className="grid" />
          <text x={pad.l - 6} y={y(t) + 4} textAnchor="end" className="tick">
            {t} %
          </text>
        </g>
      ))}
      {points.map((p, i) =>
        i % every === 0 || i === points.length - 1 ? (
          <text key={p.label} x={x(i)} y={H - 12} textAnchor="middle" className="tick">
            {p.label}
          </text>
        ) : null,
      )}
      <polyline className="line" fill="none" points={drawn.map((p) => `${x(p.i)},${y(p.value)}`).join(" ")} />
      {drawn.map((p) => (
        <circle key={p.label} cx={x(p.i)} cy={y(p.value)} r={3.5} className="dot" />
      ))}
    </svg>
  );
}

export function BarChart({ title, desc, bars }: { title: string; desc: string; bars: { label: string; value: number; text: string }[] }) {
  const id = useId();
  const W = 640;
  const row = 34;
  const labelW = 170;
  const H = bars.length * row + 8;
  const top = Math.max(1, ...bars.map((b) => b.value));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart" role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {bars.map((b, i) => (
        <g key={b.label}>
          <text x={labelW - 8} y={i * row + 22} textAnchor="end" className="tick">
            {b.label}
          </text>
          <rect x={labelW} y={i * row + 6} height={22} width={Math.max(1, ((W - labelW - 80) * b.value) / top)} className="bar" />
          <text x={labelW + ((W - labelW - 80) * b.value) / top + 6} y={i * row + 22} className="tick">
            {b.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
