import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

import { SubmitButton } from "./form";

/**
 * An act that cannot be undone with one click (deleting health data, closing an
 * opening): the first press only unfolds what will happen and a second, plainly
 * worded button. A <details> element, so it works without JavaScript and with
 * the keyboard.
 */
export function ConfirmFold({
  summary,
  intent,
  confirm,
  pendingText,
  fields,
  children,
}: {
  summary: string;
  intent: string;
  confirm: string;
  pendingText: string;
  fields?: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <details className="confirm-fold">
      <summary>{summary}</summary>
      <div className="confirm-fold-body">
        {children}
        <Form method="post" className="actions">
          {Object.entries(fields ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <SubmitButton name="intent" value={intent} className="danger" pendingText={pendingText}>
            {confirm}
          </SubmitButton>
        </Form>
      </div>
    </details>
  );
}
