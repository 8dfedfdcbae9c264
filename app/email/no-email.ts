// A citizen without email: staff register her with a made-up
// address on a reserved domain (RFC 2606 ".invalid", like an erased account's),
// because the address is the account's unique key; she gets her invitation
// on paper and gives an address of her own when she accepts it (or logs in
// with MitID). Nothing is ever sent to an ".invalid" address. Client-safe.

export const NO_EMAIL_DOMAIN = "ingen-email.invalid";

export function hasNoEmail(email: string): boolean {
  return email.endsWith(`@${NO_EMAIL_DOMAIN}`);
}

/** What staff read where the address would be. */
export function emailShown(email: string): string {
  return hasNoEmail(email) ? "Ingen e-mail" : email;
}
