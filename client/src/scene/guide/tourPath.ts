/**
 * The guide's path planner lives in shared/ (issue #12, group tours): the server times a public
 * tour's legs with the very paths every page draws. Re-exported here for the client's imports.
 */
export * from '../../../../shared/tourPath';
