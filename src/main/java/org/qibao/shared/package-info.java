/**
 * The shared kernel: global IDs, user errors, connections and the GraphQL conventions
 * every module follows. Open to all modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.qibao.shared;
