package org.qibao.merchant;

/** An offer a volunteer could redeem now, and how far away its shop is. */
public record NearbyOffer(Offer offer, int distanceMetres) {
}
