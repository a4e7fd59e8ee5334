/**
 * HTTP at the edges Spring leaves to the application: what a client sees when its request cannot
 * be read as a GraphQL request at all, and the security headers every answer carries.
 */
package org.qibao.shared.http;
