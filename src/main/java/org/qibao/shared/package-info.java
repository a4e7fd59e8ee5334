/**
 * The shared kernel: global IDs, user errors, connections, the GraphQL conventions every module
 * follows, and the Redis pub/sub listener the modules hear each other's instances through. Open
 * to all modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.qibao.shared;
