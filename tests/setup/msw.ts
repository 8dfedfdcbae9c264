import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import { emailHandlers } from "../mocks/email-api";

// Only third-party HTTP is mocked; anything else unexpected fails the test.
const server = setupServer(...emailHandlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
