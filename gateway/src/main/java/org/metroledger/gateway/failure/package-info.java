/**
 * Refusals the gateway decides itself and the statuses every error code answers with: the bottom
 * layer of the gateway's HTTP side, below authentication, pages and routes.
 */
package org.metroledger.gateway.failure;
