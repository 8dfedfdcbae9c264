import { createContext, useContext } from "react";

// The CSP nonce reaches <Scripts> through context: it is rendered on the
// server only (browsers hide a nonce attribute from scripts, so the client
// renders it empty and React keeps the server's value).
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
