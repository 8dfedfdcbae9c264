import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/auth/guard.server";
import { ComingSoon } from "~/components/shell";

export const meta: MetaFunction = () => [{ title: "Job" }];

// Flexjobbers only.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["flexjobber"] });
  return null;
}

export default function Page() {
  return <ComingSoon title="Job" />;
}
