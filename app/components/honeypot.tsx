import { HONEYPOT_FIELD } from "~/security/honeypot";

/** The bot trap of public forms: off screen, out of the tab order, hidden from screen readers. */
export function Honeypot() {
  return (
    <div className="honeypot" aria-hidden="true">
      <label>
        Lad dette felt være tomt
        <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
