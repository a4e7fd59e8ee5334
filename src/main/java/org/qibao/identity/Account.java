package org.qibao.identity;

import org.qibao.shared.Identified;

/** A person who can sign in. */
public record Account(long id, String phone, String displayName, String locale) implements Identified {
}
