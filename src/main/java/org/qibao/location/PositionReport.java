package org.qibao.location;

import java.time.Instant;

import org.qibao.shared.GeoPoint;

/**
 * One position as a phone reported it, with the phone's own timestamp.
 *
 * @param position where the phone was
 * @param accuracy the radius of the phone's uncertainty, in metres
 * @param recordedAt when the phone took the position
 * @param speed the phone's own speed reading in metres per second, or null
 * @param heading degrees clockwise from north, or null
 */
record PositionReport(GeoPoint position, double accuracy, Instant recordedAt, Double speed, Double heading) {
}
