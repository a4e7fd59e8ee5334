package org.qibao.gamification;

/** A text in Simplified Chinese and English. */
record LocalizedText(String zhCN, String en) {
}
