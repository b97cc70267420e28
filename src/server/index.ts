/** The HTTP server: the app factory (in-process testable) and the listener the `serve` command uses. */
export { closeApp, createApp, dossiersBuiltAhead } from './app.js';
export { isLoopback, type ListenOptions, type RunningServer, startServer } from './listen.js';
export { type AppOptions, DEFAULT_SERVER_LIMITS, type ServerLimits } from './options.js';
