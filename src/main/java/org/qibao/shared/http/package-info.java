/**
 * GraphQL over HTTP at the edges Spring for GraphQL leaves to the application: what a client
 * sees when its request cannot be read as a GraphQL request at all.
 */
package org.qibao.shared.http;
