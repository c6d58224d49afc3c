/** The shared schemas the client checks server data with; loaded lazily through serverChecks.ts. */
export { routes } from '../../../shared/api/routes';
export { parseHallEvent } from '../../../shared/api/events';
export { serverMessages } from '../../../shared/messages';
