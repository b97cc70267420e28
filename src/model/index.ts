/** The model: types and pure helpers, no I/O. Everything else imports its vocabulary from here. */
export * from './annotations.js';
export * from './article.js';
export * from './contract.js';
export * from './document.js';
export * from './errors.js';
export * from './ids.js';
export * from './message.js';
export * from './offset-map.js';
export * from './span.js';
export * from './story.js';
