package org.qibao.demo;

import java.util.ArrayList;
import java.util.List;

/** The people and places of the demo community. */
final class DemoData {

	record Person(String phone, String name, String description) {
	}

	record GridShape(String code, String name, String geoJson) {
	}

	static final Person ADMINISTRATOR = new Person("13900000001", "周德明", "community administrator (社区书记)");

	static final Person GRID_WORKER = new Person("13900000002", "鲁红新", "grid worker of DT-01 and DT-02");

	/** The Seven Treasures team; the first is its captain. */
	static final List<Person> SEVEN_TREASURES = List.of(
			new Person("13900000003", "黄慧兰", "captain of 七宝巡逻队"),
			new Person("13900000004", "肖建国", "volunteer, 七宝巡逻队"),
			new Person("13900000005", "李桂芳", "volunteer, 七宝巡逻队"),
			new Person("13900000006", "张德胜", "volunteer, 七宝巡逻队"),
			new Person("13900000007", "刘玉珍", "volunteer, 七宝巡逻队"),
			new Person("13900000008", "陈志强", "volunteer, 七宝巡逻队"),
			new Person("13900000009", "王秀英", "volunteer, 七宝巡逻队"));

	static final Person BARBER = new Person("13900000010", "何志明", "staff of 东亭理发店 (barber)");

	static final Person SUPERMARKET = new Person("13900000011", "吴晓梅", "staff of 东亭便民超市 (supermarket)");

	static final Person CITY_ADMINISTRATOR = new Person("13900000012", "田文华", "city administrator (市级管理员) of 武汉市");

	static final List<GridShape> GRIDS = List.of(
			new GridShape("DT-01", "东亭一网格", polygon("[114.3500,30.5700],[114.3560,30.5702],[114.3558,30.5650],[114.3502,30.5648],[114.3500,30.5700]")),
			new GridShape("DT-02", "东亭二网格", polygon("[114.3560,30.5702],[114.3620,30.5698],[114.3618,30.5652],[114.3558,30.5650],[114.3560,30.5702]")),
			new GridShape("DT-03", "东亭三网格", polygon("[114.3502,30.5648],[114.3558,30.5650],[114.3618,30.5652],[114.3615,30.5600],[114.3505,30.5598],[114.3502,30.5648]")));

	private DemoData() {
	}

	static List<Person> everyone() {
		List<Person> all = new ArrayList<>(List.of(ADMINISTRATOR, GRID_WORKER));
		all.addAll(SEVEN_TREASURES);
		all.addAll(List.of(BARBER, SUPERMARKET, CITY_ADMINISTRATOR));
		return all;
	}

	private static String polygon(String ring) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
	}

}
