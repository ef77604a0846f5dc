/**
 * Must be the first import of every entry point (index.ts, standalone.ts).
 *
 * The SDK's zod schemas use zod's JIT, which probes `new Function('')` when the schemas are built.
 * Under a strict CSP with Trusted Types (`require-trusted-types-for 'script'`, no 'unsafe-eval'),
 * the probe is blocked and reported as a `securitypolicyviolation` plus a console error on every
 * page that embeds the widget, even though zod catches the error. `jitless` skips the probe; the
 * interpreted path is fast enough for the widget's pages of results. It has to run before the SDK's
 * schema modules are evaluated, hence this side-effect module imported first.
 */
// zod's tiny core module only (its config is a global shared by every zod entry point), so that
// this first import does not pull zod into the core bundle: the schemas load with the client.
import { config } from 'zod/v4/core';

config({ jitless: true });
