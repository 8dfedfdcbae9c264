import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/auth/guard.server";
import { ComingSoon } from "~/components/shell";

export const meta: MetaFunction = () => [{ title: "Find kandidater" }];

// Company users only.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["company"] });
  return null;
}

export default function Page() {
  return <ComingSoon title="Find kandidater" />;
}
