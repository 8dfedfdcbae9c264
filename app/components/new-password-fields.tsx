import type { UseFormRegisterReturn } from "react-hook-form";

import { PASSWORD_MIN } from "~/auth/schemas";

import { TextField } from "./form";

/** "Choose a password" and "type it again", as the invitation and the reset pages ask for them. */
export function NewPasswordFields({
  label,
  password,
  confirm,
}: {
  label: string;
  password: { registration: UseFormRegisterReturn; error?: string };
  confirm: { registration: UseFormRegisterReturn; error?: string };
}) {
  return (
    <>
      <TextField
        label={label}
        hint={`Mindst ${PASSWORD_MIN} tegn. Gerne et par ord med mellemrum.`}
        type="password"
        autoComplete="new-password"
        registration={password.registration}
        error={password.error}
      />
      <TextField label="Skriv adgangskoden igen" type="password" autoComplete="new-password" registration={confirm.registration} error={confirm.error} />
    </>
  );
}
