package org.qibao.casework;

/** A photo of a case and where people allowed to see the case fetch it. */
record CasePhoto(String id, String url) {
}
