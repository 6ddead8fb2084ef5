export * from './case-number.js';
export * from './case.js';
export * from './personal-code.js';
export * from './procedure-type.js';
export * from './roles.js';
export * from './user.js';
export * from './access.js';
export * from './rich-text.js';
