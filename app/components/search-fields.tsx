import { useSearchParams } from "@remix-run/react";
import { useId } from "react";

// The fields of a search form sent with GET: each reads its value from the
// address, so a filtered list can be bookmarked and works without JavaScript.

export function Field({ label, name, error, hint, numeric }: { label: string; name: string; error?: string; hint?: string; numeric?: boolean }) {
  const id = useId();
  const [params] = useSearchParams();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type={numeric ? "text" : "search"}
        inputMode={numeric ? "numeric" : undefined}
        name={name}
        defaultValue={params.get(name) ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SelectFilter({
  label,
  name,
  options,
  error,
  noEmpty,
}: {
  label: string;
  name: string;
  options: (string | { value: string; label: string })[];
  error?: string;
  noEmpty?: boolean;
}) {
  const id = useId();
  const [params] = useSearchParams();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={params.get(name) ?? ""} aria-invalid={error ? true : undefined}>
        {noEmpty ? null : <option value="">Alle</option>}
        {options.map((o) => {
          const { value, label: text } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
