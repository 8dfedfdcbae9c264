import type { TestProject } from "vitest/node";

import { startAppServer } from "./app-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    outboxDir: string;
  }
}

/** One server for the journeys (the MitID journey starts its own, with a provider). */
export default async function setup(project: TestProject) {
  const server = await startAppServer();
  project.provide("baseUrl", server.baseUrl);
  project.provide("outboxDir", server.outboxDir);
  return () => server.stop();
}
