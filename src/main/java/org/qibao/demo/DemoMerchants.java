package org.qibao.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.qibao.merchant.OfferTerms;
import org.qibao.merchant.Offers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's merchant offers: two each at 东亭理发店 and 东亭便民超市, valid for a year. Loaded once,
 * while there are no offers. Like DemoPatrol it runs when the application is ready, the only
 * moment reliably after DemoCommunity.
 */
@Component
@ConditionalOnBooleanProperty("qibao.demo.enabled")
class DemoMerchants {

	private static final Log log = LogFactory.getLog(DemoMerchants.class);

	private final Offers offers;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	DemoMerchants(Offers offers, JdbcClient jdbc, TransactionTemplate transaction) {
		this.offers = offers;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		Long barber = shop("东亭理发店");
		Long supermarket = shop("东亭便民超市");
		if (barber == null || supermarket == null || this.offers.any()) {
			return;
		}
		Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
		Instant until = from.plus(Duration.ofDays(366));
		this.transaction.executeWithoutResult(status -> {
			this.offers.create(barber, new OfferTerms("理发", "洗剪吹，老人优先", "减 10 元", 60, from, until, 1, 2, null));
			this.offers.create(barber, new OfferTerms("刮脸修面", "传统手艺", "免费一次", 30, from, until, 1, 4, 50));
			this.offers.create(supermarket, new OfferTerms("鸡蛋一盒", "10 枚装土鸡蛋", "兑换一盒", 45, from, until, 1, 4, 100));
			this.offers.create(supermarket, new OfferTerms("米面粮油", "购物满 50 元可用", "减 5 元", 20, from, until, 2, 10, null));
		});
		log.info("Loaded the demo merchant offers of 东亭理发店 and 东亭便民超市");
	}

	private Long shop(String name) {
		return this.jdbc.sql("SELECT id FROM merchant WHERE name = ?").param(name).query(Long.class).optional().orElse(null);
	}

}
