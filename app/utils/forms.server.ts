import { json, type TypedResponse } from "@remix-run/node";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export interface FormFailure {
  errors: FieldErrors;
  /** A message about the whole form (e.g. wrong password), shown above the button. */
  formError?: string;
}

/** FormData → plain object; repeated names become arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Parses a form post with the same zod schema the browser used. */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ success: true; data: z.output<S>; formData: FormData } | { success: false; response: TypedResponse<FormFailure> }> {
  const formData = await request.formData();
  const result = schema.safeParse(formDataToObject(formData));
  if (result.success) return { success: true, data: result.data, formData };
  return { success: false, response: badRequest(zodFieldErrors(result.error)) };
}

/** 400 (or another 4xx) with Danish messages; the page shows them next to the fields. */
export function badRequest(errors: FieldErrors, formError?: string, status = 400): TypedResponse<FormFailure> {
  return json({ errors, formError }, { status });
}
