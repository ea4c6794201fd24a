export * from './frame.js';
export * from './goroutine.js';
export * from './profile.js';
export * from './record.js';
export * from './snapshot.js';
