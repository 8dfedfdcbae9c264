import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigation, useSubmit } from "@remix-run/react";
import { type InputHTMLAttributes, type ReactNode, useId, useRef } from "react";
import { type DefaultValues, type FieldValues, useForm, type UseFormRegisterReturn } from "react-hook-form";
import type * as z from "zod";

type FieldErrors = Record<string, string>;

/**
 * react-hook-form with the form's zod schema. The browser validates first and
 * then submits through Remix; without JavaScript the plain form posts and the
 * server (same schema) answers with the same messages.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  { serverErrors, defaultValues }: { serverErrors?: FieldErrors; defaultValues?: DefaultValues<z.input<S>> } = {},
) {
  const submit = useSubmit();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    // No red text while someone only tabs through: check on submit, then as they correct.
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues,
  });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    void form.handleSubmit(() => submit(target))(event);
  };
  const errorFor = (name: string): string | undefined => {
    const own = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name]?.message;
    return typeof own === "string" ? own : serverErrors?.[name];
  };
  return { form, onSubmit, errorFor, register: form.register };
}

interface FieldShellProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  children: (ids: { id: string; describedBy?: string }) => ReactNode;
}

function FieldShell({ label, error, hint, children }: FieldShellProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, describedBy })}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name"> & {
  label: string;
  error?: string;
  hint?: ReactNode;
  registration: UseFormRegisterReturn;
};

export function TextField({ label, error, hint, registration, type = "text", ...rest }: InputProps) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {({ id, describedBy }) => <input id={id} type={type} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} {...registration} />}
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  registration,
  maxLength,
  defaultValue,
}: {
  label: string;
  error?: string;
  hint?: ReactNode;
  registration: UseFormRegisterReturn;
  maxLength?: number;
  /** Rendered into the HTML too, so the form is right without JavaScript. */
  defaultValue?: string;
}) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <textarea id={id} rows={6} maxLength={maxLength} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...registration} />
      )}
    </FieldShell>
  );
}

export function SelectField({
  label,
  error,
  hint,
  registration,
  options,
  defaultValue,
}: {
  label: string;
  error?: string;
  hint?: ReactNode;
  registration: UseFormRegisterReturn;
  options: { value: string; label: string }[];
  /** Rendered into the HTML too, so the form is right without JavaScript. */
  defaultValue?: string;
}) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} defaultValue={defaultValue} {...registration}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function CheckboxField({
  label,
  error,
  registration,
  defaultChecked,
}: {
  label: ReactNode;
  error?: string;
  registration: UseFormRegisterReturn;
  /** Ticked in the HTML too, so the form is right without JavaScript. */
  defaultChecked?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <div className="check">
        <input
          id={id}
          type="checkbox"
          value="on"
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...registration}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of radio buttons with a legend (e.g. ja / nej). */
export function RadioGroup({
  legend,
  error,
  registration,
  options,
  children,
  defaultValue,
}: {
  legend: string;
  error?: string;
  registration: UseFormRegisterReturn;
  options: { value: string; label: string }[];
  children?: ReactNode;
  /** Rendered into the HTML too, so the form is right without JavaScript. */
  defaultValue?: string;
}) {
  const id = useId();
  return (
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {children}
      {options.map((o) => (
        <div className="check" key={o.value}>
          <input
            id={`${id}-${o.value}`}
            type="radio"
            value={o.value}
            defaultChecked={defaultValue === undefined ? undefined : o.value === defaultValue}
            aria-invalid={error ? true : undefined}
            {...registration}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Several checkboxes with one name (e.g. times of day); the value is the list of ticked ones. */
export function CheckboxList({
  legend,
  hint,
  error,
  registration,
  options,
  defaultValues,
}: {
  legend: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
  options: { value: string; label: string }[];
  /** Ticked in the HTML too, so the form is right without JavaScript. */
  defaultValues: string[];
}) {
  const id = useId();
  return (
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className="checks">
        {options.map((o) => (
          <div className="check" key={o.value}>
            <input id={`${id}-${o.value}`} type="checkbox" value={o.value} defaultChecked={defaultValues.includes(o.value)} {...registration} />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The form's main button; says what is happening while the request runs. */
export function SubmitButton({
  children,
  pendingText = "Vent venligst …",
  name,
  value,
  className,
}: {
  children: ReactNode;
  pendingText?: string;
  name?: string;
  value?: string;
  className?: string;
}) {
  const navigation = useNavigation();
  const ref = useRef<HTMLButtonElement>(null);
  const data = navigation.state === "submitting" ? navigation.formData : undefined;
  const pending = data !== undefined && submittedBy(ref.current?.form ?? null, data) && (name === undefined || data.get(name) === value);
  return (
    <button ref={ref} type="submit" name={name} value={value} disabled={pending} aria-disabled={pending} className={className}>
      {pending ? pendingText : children}
    </button>
  );
}

/**
 * Whether the submission in flight came from this form: a page has many forms
 * ("Tilføj" under each list), and only the pressed one should say "Tilføjer …".
 * The submission holds the form's fields, plus at most the pressed button.
 */
function submittedBy(form: HTMLFormElement | null, data: FormData): boolean {
  if (!form) return false;
  const own = [...new FormData(form).entries()];
  const same = own.every(([key, v]) => (typeof v === "string" ? data.getAll(key).includes(v) : data.has(key)));
  return same && [...data.keys()].length <= own.length + 1;
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="notice error" role="alert">
      {message}
    </div>
  );
}
