import { Form, useLocation } from "@remix-run/react";
import { useId } from "react";

import { termKindText } from "~/profiles/options";
import { addTermSchema } from "~/profiles/schemas";

import type { ProfileTermKind } from "../../db/schema";
import { SubmitButton, TextField, useZodForm } from "./form";
import { RemoveItemForm } from "./remove-item-form";
import { Suggestions } from "./suggestions";

/**
 * One list on the profile (competences, certificates …): the items with a
 * "Fjern" button each, and an add box with native type-ahead (<datalist>)
 * from the shared vocabulary. Works without JavaScript.
 */
export function TermListEditor({ kind, items, suggestions, error }: { kind: ProfileTermKind; items: { id: number; label: string }[]; suggestions: string[]; error?: string }) {
  const text = termKindText[kind];
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{text.title}</h2>
      {items.length === 0 ? (
        <p className="muted">Ingen endnu.</p>
      ) : (
        <ul className="term-list">
          {items.map((item) => (
            <li key={item.id}>
              <span>{item.label}</span>
              <RemoveItemForm id={item.id} label={item.label} fields={{ kind }} />
            </li>
          ))}
        </ul>
      )}
      {/* A new item remounts the add box: the field is empty again, so "Tilføj" twice adds one. */}
      <AddTermForm key={items.map((i) => i.id).join(",")} kind={kind} suggestions={suggestions} error={error} />
    </section>
  );
}

function AddTermForm({ kind, suggestions, error }: { kind: ProfileTermKind; suggestions: string[]; error?: string }) {
  const text = termKindText[kind];
  const listId = useId();
  // Posting to the bare path drops "?besked=…", so "Det er gemt." and an error never show together.
  const { pathname } = useLocation();
  const { onSubmit, errorFor, register } = useZodForm(addTermSchema, {
    serverErrors: error ? { label: error } : undefined,
    defaultValues: { intent: "add", kind },
  });
  return (
    <Form method="post" action={pathname} className="stack" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="kind" value={kind} />
      <TextField
        label={text.add}
        hint={text.hint}
        registration={register("label")}
        error={errorFor("label")}
        list={suggestions.length > 0 ? listId : undefined}
        autoComplete="off"
        maxLength={80}
      />
      <Suggestions id={listId} words={suggestions} />
      <div>
        <SubmitButton className="secondary" pendingText="Tilføjer …">
          Tilføj
        </SubmitButton>
      </div>
    </Form>
  );
}
