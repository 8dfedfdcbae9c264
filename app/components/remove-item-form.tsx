import { Form } from "@remix-run/react";

/** The small "Fjern" button next to an item in a list the user keeps (works without JavaScript). */
export function RemoveItemForm({ id, label, fields = {} }: { id: number; label: string; fields?: Record<string, string> }) {
  return (
    <Form method="post" className="push-right">
      <input type="hidden" name="intent" value="remove" />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="link">
        Fjern <span className="visually-hidden">{label}</span>
      </button>
    </Form>
  );
}
