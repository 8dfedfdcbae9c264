import { type ActionFunctionArgs, json, type LoaderFunctionArgs, MaxPartSizeExceededError, type MetaFunction, unstable_createMemoryUploadHandler } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";

import { requireUser, STAFF_ROLES } from "~/auth/guard.server";
import { importCitizens, type ImportPreview, previewImport } from "~/citizens/import.server";
import { FormError } from "~/components/form";
import { TableRegion } from "~/components/table-region";
import { employmentStatusLabels } from "~/employment/options";
import { formatDate } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { readMultipartFormData } from "~/utils/forms.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction = () => [{ title: "Importér borgere" }];

const MAX_BYTES = 2_000_000;

// Staff and admins.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: STAFF_ROLES });
  return json(null);
}

type ActionData = { formError?: string; preview?: ImportPreview; csv?: string };

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireUser(request, { roles: STAFF_ROLES });
  let formData: FormData;
  try {
    formData = await readMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_BYTES }));
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    return json<ActionData>({ formError: "Filen er for stor. Højst 2 MB." }, { status: 413 });
  }
  const file = formData.get("file");
  const pasted = formData.get("csv");
  const csv = file instanceof File && file.size > 0 ? await file.text() : typeof pasted === "string" ? pasted : "";
  if (!csv.trim()) return json<ActionData>({ formError: "Vælg en CSV-fil." }, { status: 400 });
  if (formData.get("intent") === "import") {
    const result = await importCitizens(db, csv, staff.id);
    if ("imported" in result) return redirectWithMessage("/borgere", "import-faerdig");
    return json<ActionData>({ preview: result.preview, csv, formError: "Intet er importeret. Ret linjerne herunder, og prøv igen." }, { status: 400 });
  }
  const preview = await previewImport(db, csv);
  const bad = Boolean(preview.fileProblem) || preview.rows.some((r) => r.problems.length > 0);
  return json<ActionData>({ preview, csv }, { status: bad ? 400 : 200 });
}

export default function ImportCitizens() {
  const data = useActionData<ActionData>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const preview = data?.preview;
  const problems = preview?.rows.filter((r) => r.problems.length > 0) ?? [];
  const ready = preview && !preview.fileProblem && problems.length === 0;
  return (
    <>
      <p>
        <Link to="/borgere">Tilbage til Borgere</Link>
      </p>
      <h1>Importér borgere</h1>
      <p>
        Filen skal have fire kolonner med overskrifterne <strong>navn; e-mail; status; fra-dato</strong>. Status er ledig, i fleksjob eller andet. Datoer skrives dd-mm-åååå. Du ser
        først en prøve, og intet bliver gemt, før alle linjer er i orden.
      </p>
      <FormError message={data?.formError ?? preview?.fileProblem ?? undefined} />
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="preview" />
        <div className="field">
          <label htmlFor="csv-file">CSV-fil</label>
          <input id="csv-file" type="file" name="file" accept=".csv,text/csv" />
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? "Læser …" : "Se prøve"}
          </button>
        </div>
      </Form>

      {preview && preview.rows.length > 0 ? (
        <section aria-labelledby="preview-h">
          <h2 id="preview-h">{ready ? `${preview.rows.length} borgere er klar til import` : `${problems.length} linjer skal rettes`}</h2>
          <TableRegion caption="Prøve på importen" head={["Linje", "Navn", "E-mail", "Status", "Fra", "Problem"]}>
            {preview.rows.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.name}</td>
                <td>{r.email}</td>
                <td>{r.status ? employmentStatusLabels[r.status] : ""}</td>
                <td>{r.fromDate ? formatDate(r.fromDate) : ""}</td>
                <td className={r.problems.length ? "field-error" : undefined}>{r.problems.length ? r.problems.join(" ") : "OK"}</td>
              </tr>
            ))}
          </TableRegion>
          {ready ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="csv" value={data?.csv ?? ""} />
              <button type="submit" disabled={busy}>
                {busy ? "Importerer …" : `Importér ${preview.rows.length} borgere`}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
