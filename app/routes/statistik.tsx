import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { type ReactNode, useId } from "react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { BarChart, LineChart } from "~/components/charts";
import { TableRegion } from "~/components/table-region";
import { runRead } from "~/readers/pool.server";
import { dashboardForViewer, dashboardTables, PERIOD_TOO_SHORT, periodTooShort, type TableKey } from "~/stats/dashboard.server";
import { bucketLabels, countText, percentText } from "~/stats/format";
import { dashboardSchema } from "~/stats/schemas";
import { DEFAULT_WINDOW, WINDOWS } from "~/stats/windows";
import { formatDate, formatTime } from "~/utils/dates";
import { formDataToObject, zodFieldErrors } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Statistik" }];

// Staff and admins. Counts under 5 show as "< 5" for staff (only admins see them).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: STAFF_ROLES });
  const url = new URL(request.url);
  const parsed = dashboardSchema.safeParse(formDataToObject(url.searchParams));
  const isAdmin = user.role === "admin";
  const tooShort = parsed.success && periodTooShort({ from: parsed.data.fra, to: parsed.data.til }, isAdmin);
  // A refused choice shows the default figures beside its message, never the refused ones.
  const input = parsed.success && !tooShort ? parsed.data : {};
  const d = await runRead("loadDashboard", { reference: input.dato, window: input.vindue, from: input.fra, to: input.til, baseline: input.basis, effect: input.effekt === "vis" });
  const tables = dashboardTables(d, isAdmin);
  const errors = parsed.success ? (tooShort ? { til: PERIOD_TOO_SHORT } : {}) : zodFieldErrors(parsed.error);
  const body = {
    errors,
    d: dashboardForViewer(d, isAdmin),
    tables,
    isAdmin,
  };
  return json(body, { status: parsed.success && !tooShort ? 200 : 400 });
}

const pct = (v: number | null) => percentText(v, "–");

export default function Statistics() {
  const { errors, d, tables, isAdmin } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const csv = (key: TableKey) => `/statistik/${key}.csv?${params.toString()}`;
  return (
    <>
      <h1>Statistik</h1>
      <p className="muted">
        Beregnet {formatDate(d.computedAt)} kl. {formatTime(d.computedAt)} ud fra platformens egne data.{" "}
        {isAdmin
          ? "Som administrator ser du også tal under 5."
          : 'Tal under 5 vises som "< 5", og et tal, som et tal under 5 ellers kunne regnes ud fra, vises som "skjult". Tal for en periode er afrundet til nærmeste 5.'}
      </p>
      <Form method="get" className="card" aria-labelledby="pick-h">
        <h2 id="pick-h">Vælg dato og periode</h2>
        <div className="filters">
          <DateField label="Skæringsdato (for hvor ofte man logger på)" name="dato" value={d.reference} error={errors.dato} />
          <WindowField value={d.window} error={errors.vindue} />
          <DateField label="Periode fra" name="fra" value={d.from} error={errors.fra} />
          <DateField label="Periode til" name="til" value={d.to} error={errors.til} />
          <DateField label="Ledighed: sammenlign med måned" name="basis" value={d.baseline} error={errors.basis} type="month" />
        </div>
        <p>
          <button type="submit">Vis</button>
        </p>
      </Form>

      <section aria-labelledby="facts-h" className="facts-box">
        <h2 id="facts-h">Faktaboks</h2>
        <ul>
          <li>{pct(d.adoption)} af de borgere, der er blevet inviteret, har oprettet en profil.</li>
          <li>{pct(d.shares.daily)} logger på mindst en gang om dagen</li>
          <li>{pct(d.shares.weekly)} logger på mindst en gang om ugen</li>
          <li>{pct(d.shares.fortnightly)} logger på mindst en gang hver 14. dag</li>
          {d.change ? (
            <li>
              Ledigheden blandt fleksjobberne er gået fra {pct(d.change.from)} til {pct(d.change.to)} siden {d.change.fromLabel}.
            </li>
          ) : null}
        </ul>
      </section>

      <Figure
        id="frekvens"
        title="Hvor ofte logger fleksjobberne på?"
        formula={`Vi tæller fleksjobbere, der har haft konto i hele perioden fra ${formatDate(d.windowStart)} til ${formatDate(d.reference)} (${d.window} dage), i alt ${countText(d.counted)}. Perioden deles i fire blokke på ${d.blockDays} dage og to halvdele på ${2 * d.blockDays} dage. Dagligt: logget på mindst ${d.dailyMin} dage i hver blok (5 af 7 dage). Ugentligt: ikke dagligt, men mindst én dag i hver blok. Hver 14. dag: mindst én dag i hver halvdel. Resten: sjældnere. Andel = antal i gruppen ÷ alle talte; andelene er afrundet, så de tilsammen giver præcis 100\u00a0%.`}
        csv={csv("frekvens")}
        table={tables.frekvens}
      >
        <BarChart
          title="Hvor ofte fleksjobberne logger på"
          desc={(["daily", "weekly", "fortnightly", "rarely"] as const).map((b) => `${bucketLabels[b]}: ${pct(d.shares[b])}`).join(". ")}
          bars={(["daily", "weekly", "fortnightly", "rarely"] as const).map((b) => ({ label: bucketLabels[b], value: d.shares[b] ?? 0, text: pct(d.shares[b]) }))}
        />
      </Figure>

      <Figure
        id="tilslutning"
        title="Tilslutning"
        formula="Invitationer til fleksjobbere sendt i perioden (ikke trukket tilbage) → heraf har oprettet konto → heraf har offentliggjort en profil mindst én gang. Tilslutning = offentliggjort ÷ inviteret."
        csv={csv("tilslutning")}
        table={tables.tilslutning}
      >
        <BarChart
          title="Fra invitation til profil"
          desc={`Inviteret ${countText(d.funnel.invited)}, konto ${countText(d.funnel.accepted)}, profil ${countText(d.funnel.published)}. Tilslutning ${pct(d.adoption)}.`}
          bars={[
            { label: "Inviteret", value: d.funnel.invited ?? 0, text: String(tables.tilslutning.rows[0]![1]) },
            { label: "Konto", value: d.funnel.accepted ?? 0, text: String(tables.tilslutning.rows[1]![1]) },
            { label: "Profil", value: d.funnel.published ?? 0, text: String(tables.tilslutning.rows[2]![1]) },
          ]}
        />
      </Figure>

      <Figure
        id="ledighed"
        title="Ledighedsprocent"
        formula="Ved hver månedsafslutning: ledige ÷ (ledige + i fleksjob) × 100. Alle fleksjobbere, hvis statushistorik dækker datoen, tæller med, også dem uden profil eller konto. En status, som jobcentret registrerer senere med en dato tilbage i tiden, retter også de tidligere måneder. Borgere med status andet (fx sygdom eller orlov) tæller ikke med."
        csv={csv("ledighed")}
        table={tables.ledighed}
      >
        <LineChart
          title="Ledighedsprocent pr. måned"
          desc={d.change ? `Fra ${pct(d.change.from)} i ${d.change.fromLabel} til ${pct(d.change.to)} i ${d.change.toLabel}.` : "Ingen data endnu."}
          points={d.series}
        />
      </Figure>

      <Figure
        id="aktive"
        title="Aktive fleksjobbere pr. uge"
        formula="Antal forskellige fleksjobbere, der har været logget ind mindst én dag i ugen (mandag til søndag), talt direkte fra loginene. En slettet konto tæller med i ugerne, før den blev slettet."
        csv={csv("aktive")}
        table={tables.aktive}
      >
        <BarChart
          title="Aktive fleksjobbere pr. uge"
          desc={`${d.weeks.length} uger. Højeste: ${Math.max(0, ...d.weeks.map((w) => w.value ?? 0))} aktive.`}
          bars={d.weeks.slice(-12).map((w) => ({ label: `Uge fra ${w.label}`, value: w.value ?? 0, text: countText(w.value) }))}
        />
      </Figure>

      <Figure
        id="resultater"
        title="Resultater fra platformen"
        formula="Tal for perioden. En ansættelse via platformen tæller, når jobcentret har bekræftet den. Medianen er det midterste antal kalenderdage (dansk tid) fra en borger første gang offentliggjorde sin profil til første ansættelse via platformen; den vises ikke, når den bygger på færre end 5 personer."
        csv={csv("resultater")}
        table={tables.resultater}
      />

      {d.effect ? (
        <>
          <Figure
            id="effekt"
            title="Effekt: hvad skete der med dem, der blev inviteret?"
            formula="Hver borger tælles én gang, i den måned hun første gang blev inviteret (invitationer, der er trukket tilbage, tæller ikke). Har lavet en profil: har offentliggjort en profil mindst én gang. I job efter 3, 6 og 12 måneder: status i fleksjob på dagen 3, 6 og 12 måneder efter invitationen, ifølge statushistorikken. Et tal vises først, når dagen er nået for alle i måneden."
            csv={csv("effekt")}
            table={tables.effekt}
          />

          <Figure
            id="effekttid"
            title="Hvor lang tid går der fra invitation til første job?"
            formula="Kaplan–Meier: for hver dag med et første job ganges andelen, der stadig søger, med (1 − antal, der fik job den dag ÷ antal, der stadig følges). Borgere, der endnu ikke har fået job, følges til i dag, og en slettet borger til den dag, kontoen blev slettet. Borgere, der allerede var i fleksjob, da de blev inviteret, er ikke med. Kurverne viser ikke, at platformen er årsagen: de, der laver en profil, kan være tættere på et job i forvejen. Det er ikke en kontrolleret sammenligning."
            csv={csv("effekttid")}
            table={tables.effekttid}
          >
            {(["withProfile", "withoutProfile"] as const).map((group) => (
              <LineChart
                key={group}
                title={group === "withProfile" ? "Andel i job, borgere med profil" : "Andel i job, borgere uden profil"}
                desc={d.effect![group].points.map((p) => `${p.day} dage: ${pct(p.value)}`).join(". ")}
                points={d.effect![group].points.map((p) => ({ label: `${p.day} dage`, value: p.value }))}
                max={100}
              />
            ))}
          </Figure>
        </>
      ) : (
        <section aria-labelledby="effekt-h" className="card">
          <h2 id="effekt-h">Effekt: hvad skete der med dem, der blev inviteret?</h2>
          <p>Hvor mange af de inviterede der lavede en profil og kom i job, og hvor lang tid det tog. Det tager et øjeblik at regne ud.</p>
          <Form method="get">
            {[...params.entries()]
              .filter(([k]) => k !== "effekt")
              .map(([k, v]) => (
                <input key={k} type="hidden" name={k} value={v} />
              ))}
            <input type="hidden" name="effekt" value="vis" />
            <button type="submit">Beregn effekten</button>
          </Form>
        </section>
      )}
    </>
  );
}

function Figure({
  id,
  title,
  formula,
  csv,
  table,
  children,
}: {
  id: TableKey;
  title: string;
  formula: string;
  csv: string;
  table: { title: string; header: string[]; rows: string[][] };
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{title}</h2>
      <div className="stat-grid">
        {children ? <div>{children}</div> : null}
        <div>
          {/* The figure first; a long table (52 weeks) waits behind one click, whole. */}
          {table.rows.length > LONG_TABLE ? (
            <details className="table-fold">
              <summary>
                Vis tabellen ({table.rows.length} rækker) <span className="visually-hidden">: {title}</span>
              </summary>
              <FigureTable table={table} />
            </details>
          ) : (
            <FigureTable table={table} />
          )}
          <p>
            <a href={csv} download>
              Hent tabellen som CSV <span className="visually-hidden">({title})</span>
            </a>
          </p>
        </div>
      </div>
      <p className="formula">Sådan regner vi: {formula}</p>
    </section>
  );
}

/** Tables longer than this are folded below their chart. */
const LONG_TABLE = 13;

function FigureTable({ table }: { table: { title: string; header: string[]; rows: string[][] } }) {
  return (
    <TableRegion caption={table.title} head={table.header}>
      {table.rows.map((r, i) => (
        <tr key={i}>
          {r.map((c, j) => (
            <td key={j}>{c}</td>
          ))}
        </tr>
      ))}
    </TableRegion>
  );
}

function WindowField({ value, error }: { value: number; error?: string }) {
  return (
    <PickerField label="Periode for hvor ofte man logger på" error={error}>
      {(a) => (
        <select name="vindue" defaultValue={String(value)} {...a}>
          {WINDOWS.map((w) => (
            <option key={w} value={w}>
              {w} dage{w === DEFAULT_WINDOW ? " (standard)" : ""}
            </option>
          ))}
        </select>
      )}
    </PickerField>
  );
}

function DateField({ label, name, value, error, type = "date" }: { label: string; name: string; value: string; error?: string; type?: "date" | "month" }) {
  const [params] = useSearchParams();
  return (
    <PickerField label={label} error={error}>
      {(a) => <input type={type} name={name} defaultValue={params.get(name) ?? value} {...a} />}
    </PickerField>
  );
}

/** A labelled picker on the GET form, with its Danish error tied to it. */
function PickerField({
  label,
  error,
  children,
}: {
  label: string;
  error?: string;
  children: (a: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined })}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
