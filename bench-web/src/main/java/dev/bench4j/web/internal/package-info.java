/**
 * The viewer's implementation: the HTTP routes and their security checks, the JSON views of runs,
 * the per-run cell index behind server-side filtering and paging, and the report writer. Not API;
 * may change without notice.
 */
package dev.bench4j.web.internal;
