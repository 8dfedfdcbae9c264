import * as z from "zod";

import { day as dayField, optionalDay, optionalText, text, wholeNumber } from "~/utils/fields";

import { AUDIENCES } from "./options";

const day = (message: string) => dayField(message, { min: "2000-01-01", rangeMessage: "Vælg en dato fra år 2000 og frem." });
const clock = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message);

/** Create and edit an event (times are Danish local time). */
export const eventSchema = z
  .object({
    title: text("Skriv en titel.", 120),
    description: text("Skriv kort, hvad der skal ske.", 4000),
    day: day("Vælg en dato."),
    startTime: clock("Skriv starttidspunktet som tt:mm, fx 10:00."),
    endTime: clock("Skriv sluttidspunktet som tt:mm, fx 12:00."),
    place: optionalText(200),
    onlineUrl: optionalText(500).refine((v) => v === undefined || /^https:\/\/[^\s<>"]+$/.test(v), "Skriv et link, der starter med https://"),
    audience: z.enum(AUDIENCES, { error: "Vælg hvem arrangementet er for." }),
    capacity: wholeNumber("Skriv hvor mange der kan være med.", { min: 1, max: 1000, unit: ["plads", "pladser"] }),
    signupDeadline: optionalDay({ message: "Vælg en dato, der findes.", min: "2000-01-01", rangeMessage: "Vælg en dato fra år 2000 og frem." }),
  })
  .refine((v) => v.endTime > v.startTime, {
    message: "Sluttidspunktet skal være efter starttidspunktet.",
    path: ["endTime"],
    when: ({ value }) => {
      const v = value as { startTime?: unknown; endTime?: unknown };
      return typeof v.startTime === "string" && typeof v.endTime === "string" && /^\d\d:\d\d$/.test(v.startTime) && /^\d\d:\d\d$/.test(v.endTime);
    },
  })
  .refine((v) => v.place !== undefined || v.onlineUrl !== undefined, {
    message: "Skriv et sted eller et link til et online møde.",
    path: ["place"],
    when: () => true,
  });

export type EventInput = z.output<typeof eventSchema>;

/** The buttons on an event's page: sign up or cancel (users), cancel the event or mark attendance (staff). */
export const eventActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("signup") }),
  z.object({ intent: z.literal("cancel") }),
  z.object({ intent: z.literal("cancel-event") }),
  z.object({ intent: z.literal("attendance"), registrationId: z.coerce.number().int().positive(), attended: z.enum(["ja", "nej"]) }),
]);
