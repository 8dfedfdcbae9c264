import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/auth/guard.server";
import { ComingSoon } from "~/components/shell";

export const meta: MetaFunction = () => [{ title: "Statistik" }];

// Staff and admins.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["staff", "admin"] });
  return null;
}

export default function Page() {
  return <ComingSoon title="Statistik" />;
}
