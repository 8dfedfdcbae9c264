import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";

import { emailHandlers } from "../mocks/email-api";
import { smsHandlers } from "../mocks/sms-gateway";

// Only third-party HTTP is mocked; anything else unexpected fails the test.
// Our own servers on the loopback (tests that start the built app) are reached for real.
const server = setupServer(...emailHandlers, ...smsHandlers);
beforeAll(() =>
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== "127.0.0.1") print.error();
    },
  }),
);
afterAll(() => server.close());
