import { type ActionFunctionArgs, redirect } from "@remix-run/node";

import { endSession } from "~/auth/session.server";

// Anyone may log out; a GET just goes home (logging out needs a POST).
export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  return endSession(request);
}
