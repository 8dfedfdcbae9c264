import * as z from "zod";

import { email, optionalPhone, optionalText, text } from "~/utils/fields";

/** The jobcenter's contact details, shown in every page's footer and on "Hjælp". An admin edits them. */
export const contactSchema = z.object({
  name: text("Skriv jobcentrets navn.", 120),
  address: optionalText(200),
  phone: optionalPhone(),
  email: email(),
  openingHours: optionalText(500),
});

export type JobcenterContact = z.output<typeof contactSchema>;

/** The same details as pages receive them (JSON leaves out empty fields). */
export interface ContactView {
  name: string;
  address?: string;
  phone?: string | null;
  email: string;
  openingHours?: string;
}
