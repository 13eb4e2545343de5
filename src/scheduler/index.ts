// Public surface of the scheduler.
export { createScheduler, type Scheduler, type SchedulerDeps, type TickResult } from './scheduler.js';
