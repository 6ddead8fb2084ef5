export * from './schemas.js';
export * from './allocation.js';
export * from './registration.js';
export * from './sync.js';
export * from './audit.js';
export * from './auth.js';
export * from './court.js';
