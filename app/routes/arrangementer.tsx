import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/auth/guard.server";
import { ComingSoon } from "~/components/shell";

export const meta: MetaFunction = () => [{ title: "Arrangementer" }];

// Every signed-in role; events have an audience.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["flexjobber", "company", "staff", "admin"] });
  return null;
}

export default function Page() {
  return <ComingSoon title="Arrangementer" />;
}
