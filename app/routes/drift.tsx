import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { requireUser } from "~/auth/guard.server";
import { FormError } from "~/components/form";
import { TableRegion } from "~/components/table-region";
import { isJobName, loadOperations, runJobByAdmin } from "~/monitoring/drift.server";
import { runJobSchema } from "~/monitoring/schemas";
import { formatDate, formatTime } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Drift" }];

const OUTCOME: Record<string, string> = { ok: "Gik godt", failed: "Fejlede", running: "Kører nu" };
const TRIGGER: Record<string, string> = { schedule: "efter planen", manual: "startet her", command: "startet fra serveren" };

// Admins only: is the platform running its own jobs, and is anything stuck?
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  return json(await loadOperations(db));
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { roles: ["admin"] });
  const parsed = await parseForm(request, runJobSchema);
  if (!parsed.success) return parsed.response;
  if (!isJobName(db, parsed.data.job)) return badRequest({ job: "Det job findes ikke her." }, "Det job findes ikke her.");
  const result = await runJobByAdmin(db, parsed.data.job, admin.id);
  if (result === "running") return badRequest({}, "Jobbet kører allerede. Prøv igen, når det er færdigt.", 409);
  return redirectWithMessage("/drift", result === "ok" ? "job-koert" : "job-fejlede");
}

const when = (iso: string | null) => (iso ? `${formatDate(iso)} kl. ${formatTime(iso)}` : "–");
const size = (bytes: number) => (bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${(bytes / 2 ** 20).toFixed(1)} MB`);

export default function Operations() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const pressed = navigation.state === "submitting" ? navigation.formData?.get("job") : null;
  return (
    <>
      <h1>Drift</h1>
      <p>
        {data.scheduler
          ? "Platformen kører selv sine faste job. Her kan du se, hvornår de sidst kørte, og om noget fejlede."
          : "Platformens egen plan er slået fra (SCHEDULER=off). Jobbene skal startes udefra, fx af cron."}
      </p>
      <FormError message={actionData?.formError} />

      <h2>Faste job</h2>
      <TableRegion caption="Faste job" head={["Job", "Hvornår", "Sidst", "Resultat", "Næste gang", ""]}>
        {data.jobs.map((job) => (
          <tr key={job.name}>
            <td>{job.label}</td>
            <td>{job.when}</td>
            <td>{job.last ? `${when(job.last.startedAt)} (${TRIGGER[job.last.trigger] ?? job.last.trigger})` : "Ikke kørt endnu"}</td>
            <td>{job.last ? `${OUTCOME[job.last.outcome]}${job.last.summary ? `: ${job.last.summary}` : ""}` : "–"}</td>
            <td>{when(job.next)}</td>
            <td>
              <Form method="post">
                <input type="hidden" name="intent" value="run" />
                <input type="hidden" name="job" value={job.name} />
                <button type="submit" className="secondary" disabled={job.running || pressed === job.name} aria-label={`Kør ${job.label} nu`}>
                  {pressed === job.name ? "Kører …" : "Kør nu"}
                </button>
              </Form>
            </td>
          </tr>
        ))}
      </TableRegion>

      <h2>Fejl</h2>
      {data.failures.length === 0 ? (
        <p>Ingen job er fejlet.</p>
      ) : (
        <TableRegion caption="Job, der fejlede" head={["Job", "Tidspunkt", "Fejl"]}>
          {data.failures.map((f) => (
            <tr key={`${f.job}-${f.startedAt}`}>
              <td>{f.label}</td>
              <td>{when(f.startedAt)}</td>
              <td>{f.error ?? "–"}</td>
            </tr>
          ))}
        </TableRegion>
      )}

      <h2>Udgående e-mails og sms</h2>
      <TableRegion caption="Udgående e-mails og sms" head={["Kanal", "Venter", "Ældste"]}>
        {data.queues.map((q) => (
          <tr key={q.channel}>
            <td>{q.channel === "email" ? "E-mail" : "Sms"}</td>
            <td>{q.waiting}</td>
            <td>{when(q.oldest)}</td>
          </tr>
        ))}
      </TableRegion>

      <h2>Sikkerhedskopier</h2>
      {data.backups === null ? (
        <p>Databasen er PostgreSQL. Den tages der sikkerhedskopi af med pg_dump uden for platformen.</p>
      ) : data.backups.length === 0 ? (
        <p>Der er ingen sikkerhedskopier endnu. Den første tages kl. 02.00.</p>
      ) : (
        <TableRegion caption="Sikkerhedskopier" head={["Fil", "Størrelse", "Taget"]}>
          {data.backups.map((b) => (
            <tr key={b.file}>
              <td>{b.file}</td>
              <td>{size(b.bytes)}</td>
              <td>{when(b.at)}</td>
            </tr>
          ))}
        </TableRegion>
      )}

      <h2>Databasen</h2>
      <dl className="facts">
        <dt>Slags</dt>
        <dd>{data.database.kind}</dd>
        <dt>Størrelse</dt>
        <dd>{size(data.database.bytes)}</dd>
        <dt>Seneste ændring af databasens opbygning</dt>
        <dd>{data.database.schema}</dd>
      </dl>
    </>
  );
}
