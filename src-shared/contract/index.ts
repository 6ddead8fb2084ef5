export * from './bridge.js';
export * from './channels.js';
export * from './events.js';
export * from './id-card.js';
export * from './notes.js';
export * from './result.js';
export * from './sync-status.js';
export * from './workspace.js';
