// The builders live with the demo (app/demo/builders.server.ts), so tests and
// the demo municipality make data the same way, through the domain functions.
export * from "../app/demo/builders.server";
