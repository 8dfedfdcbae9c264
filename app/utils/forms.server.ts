import { json, MaxPartSizeExceededError, type TypedResponse, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import type * as z from "zod";

export type FieldErrors = Record<string, string>;

export interface FormFailure {
  errors: FieldErrors;
  /** A message about the whole form (e.g. wrong password), shown above the button. */
  formError?: string;
  /**
   * What was typed, so a page rendered without JavaScript can show it again
   * next to the messages (see submittedValue). Passwords are never echoed.
   */
  values?: Record<string, string | string[]>;
}

/** The submitted fields minus secrets, for FormFailure.values. */
export function echoValues(formData: FormData): Record<string, string | string[]> {
  const values = formDataToObject(formData) as Record<string, string | string[]>;
  for (const key of Object.keys(values)) if (/password/i.test(key)) delete values[key];
  return values;
}

/** FormData (a post) or URLSearchParams (a GET form) → plain object; repeated names become arrays. */
export function formDataToObject(formData: FormData | URLSearchParams): Record<string, unknown> {
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

export type Parsed<S extends z.ZodType> = { success: true; data: z.output<S>; formData: FormData } | { success: false; response: TypedResponse<FormFailure> };

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** The media type of the request body ("multipart/form-data"), lower case, without parameters. */
export function bodyType(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** The 4xx every action answers a body it cannot read with (the error page shows the message). */
export function unreadableBody(status: 400 | 413 | 415, message?: string): Response {
  const text =
    message ??
    (status === 415 ? "Siden kan kun modtage udfyldte formularer. Gå tilbage, og send formularen igen." : "Formularen kom ikke helt frem. Gå tilbage, og send den igen.");
  return json({ message: text }, { status });
}

/**
 * The one form reader every action uses: a body that is not a form (JSON,
 * plain text, nothing) is a 415, a malformed or cut-off one a 400; either way
 * thrown before anything is written.
 */
export async function readFormData(request: Request): Promise<FormData> {
  if (!FORM_TYPES.includes(bodyType(request))) throw unreadableBody(415);
  try {
    return await request.formData();
  } catch {
    throw unreadableBody(400);
  }
}

/**
 * The same for file uploads: only multipart bodies; a too large part throws
 * MaxPartSizeExceededError (the caller says which field), anything else that
 * breaks the body (malformed, cut off, aborted) is a 400.
 */
export async function readMultipartFormData(request: Request, handler: UploadHandler): Promise<FormData> {
  if (bodyType(request) !== "multipart/form-data") throw unreadableBody(415);
  try {
    return await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw error;
    throw unreadableBody(400);
  }
}

/** Parses a form post with the same zod schema the browser used. */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<S>> {
  return parseFormData(await readFormData(request), schema);
}

/** The same, for a post already read (e.g. to choose the schema by its intent). */
export function parseFormData<S extends z.ZodType>(formData: FormData, schema: S): Parsed<S> {
  const result = schema.safeParse(formDataToObject(formData));
  if (result.success) return { success: true, data: result.data, formData };
  return { success: false, response: badRequest(zodFieldErrors(result.error), undefined, 400, echoValues(formData)) };
}

/** 400 (or another 4xx) with Danish messages; the page shows them next to the fields. */
export function badRequest(errors: FieldErrors, formError?: string, status = 400, values?: FormFailure["values"]): TypedResponse<FormFailure> {
  return json({ errors, formError, values }, { status });
}
