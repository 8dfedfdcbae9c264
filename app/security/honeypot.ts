/**
 * A field people never see or fill in (hidden from screen readers and the
 * tab order too); form-filling bots do. Public forms render it and their
 * actions refuse a post that has it filled in.
 */
export const HONEYPOT_FIELD = "hjemmeside";

export function honeypotFilled(formData: FormData): boolean {
  const value = formData.get(HONEYPOT_FIELD);
  return typeof value === "string" && value.trim() !== "";
}
