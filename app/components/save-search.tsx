import { Form, Link } from "@remix-run/react";

import { saveSearchSchema } from "~/alerts/schemas";

import { SubmitButton, TextField, useZodForm } from "./form";

/**
 * "Gem søgning" under a search: a name (the search in words to begin with)
 * and the page's query string. Folded away until wanted; works without JavaScript.
 */
export function SaveSearch({ query, defaultName, what, errors, open }: { query: string; defaultName: string; what: string; errors?: Record<string, string>; open?: boolean }) {
  const { onSubmit, errorFor, register } = useZodForm(saveSearchSchema, { serverErrors: errors, defaultValues: { intent: "save", name: defaultName, query } });
  return (
    <details className="card save-search" open={open}>
      <summary>Gem søgning</summary>
      <p>
        Få besked, når der kommer nye {what}, der passer til søgningen. Se dem alle under <Link to="/gemte-soegninger">Gemte søgninger</Link>.
      </p>
      <Form method="post" action="/gemte-soegninger" className="search-row" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" {...register("query")} value={query} />
        <TextField label="Navn på søgningen" registration={register("name")} error={errorFor("name") ?? errorFor("query")} defaultValue={defaultName} maxLength={80} />
        <SubmitButton pendingText="Gemmer …">Gem søgning</SubmitButton>
      </Form>
    </details>
  );
}
