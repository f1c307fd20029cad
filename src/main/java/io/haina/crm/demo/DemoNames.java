package io.haina.crm.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Believable names, places and numbers for the demo company, from a fixed seed so that every
 * demo database holds the same people and companies. Mostly Chinese, about one in seven
 * international, as a company selling in China and abroad would see.
 */
final class DemoNames {

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹");
    private static final List<String> GIVEN = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
            "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华", "志强", "婷", "晓东", "海燕", "子涵");
    private static final List<String> ENGLISH_FIRST = List.of("Emily", "David", "Sarah", "Michael", "Anna", "James", "Laura",
            "Daniel", "Sophie", "Thomas", "Olivia", "Lucas", "Mia", "Kenji", "Yuki", "Minh");
    private static final List<String> ENGLISH_LAST = List.of("Smith", "Müller", "Johnson", "Brown", "Garcia", "Rossi",
            "Martin", "Tanaka", "Kim", "Nguyen", "Wilson", "Schmidt", "Dubois", "Anderson");
    private static final List<String> BRANDS = List.of("海纳", "云帆", "金桥", "东海", "华信", "远景", "天成", "鼎盛", "新锐", "博远",
            "星辰", "恒通", "瑞丰", "中科", "蓝海", "启明", "万达", "泰和", "嘉禾", "聚力", "领航", "宏图", "精诚", "卓越", "汇丰",
            "安信", "长风", "正大", "同创", "睿智", "智联", "明德", "和光", "青松", "海川");
    private static final List<String> TRADES = List.of("科技", "信息技术", "网络科技", "智能制造", "精密机械", "电子", "物流",
            "贸易", "医疗器械", "生物科技", "教育科技", "新能源", "软件", "数据服务", "建筑工程", "食品", "环保科技", "咨询");
    private static final List<String> SUFFIXES = List.of("有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司");
    private static final List<String> ENGLISH_BRANDS = List.of("Bright Future", "Blue Ocean", "Northwind", "Evergreen",
            "Summit", "Pacific Rim", "Silverline", "Redwood", "Atlas", "Nova", "Harbor", "Crestview", "Orion", "Polaris");
    private static final List<String> ENGLISH_TRADES = List.of("Electronics", "Logistics", "Trading", "Software",
            "Medical Devices", "Engineering", "Foods", "Energy", "Consulting", "Robotics");
    private static final List<String> ENGLISH_PLACES = List.of("Singapore", "Hamburg", "Osaka", "Sydney", "Dubai",
            "Rotterdam", "Milan", "Toronto", "Seoul", "Ho Chi Minh City");
    /** Province, then a city or district in it, as the region field holds them. */
    static final List<String> REGIONS = List.of("上海市/浦东新区", "上海市/徐汇区", "上海市/闵行区", "江苏省/南京市", "江苏省/苏州市",
            "江苏省/无锡市", "浙江省/杭州市", "浙江省/宁波市", "浙江省/温州市", "安徽省/合肥市", "北京市/海淀区", "北京市/朝阳区",
            "天津市/滨海新区", "河北省/石家庄市", "山东省/济南市", "山东省/青岛市", "广东省/广州市", "广东省/深圳市", "广东省/东莞市",
            "广东省/佛山市", "福建省/厦门市", "福建省/福州市", "湖北省/武汉市", "四川省/成都市", "重庆市/渝北区", "陕西省/西安市");
    private static final List<String> TITLES = List.of("总经理", "采购经理", "IT 总监", "技术负责人", "财务总监", "运营经理",
            "销售总监", "行政主管", "项目经理", "副总裁", "采购专员", "信息部主任");
    private static final List<String> ENGLISH_TITLES = List.of("Purchasing Manager", "CTO", "Head of IT", "Operations Director",
            "CEO", "Project Manager", "Procurement Lead");

    private final Random random;
    private final Set<String> companiesGiven = new HashSet<>();

    DemoNames(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    boolean international() {
        return random.nextInt(7) == 0;
    }

    String person(boolean international) {
        return international ? pick(ENGLISH_FIRST) + " " + pick(ENGLISH_LAST) : pick(SURNAMES) + pick(GIVEN);
    }

    String title(boolean international) {
        return pick(international ? ENGLISH_TITLES : TITLES);
    }

    /** A company name not given before in this run (names repeat in real life; here they should not). */
    String company(boolean international, String region) {
        for (int attempt = 0; ; attempt++) {
            String name = international
                    ? pick(ENGLISH_BRANDS) + " " + pick(ENGLISH_TRADES) + (random.nextBoolean() ? " Co., Ltd." : " Pte. Ltd.")
                    : city(region) + pick(BRANDS) + pick(TRADES) + pick(SUFFIXES);
            if (attempt > 20) {
                name = name + " " + (attempt - 20);
            }
            if (companiesGiven.add(name)) {
                return name;
            }
        }
    }

    String overseasPlace() {
        return pick(ENGLISH_PLACES);
    }

    String region() {
        return pick(REGIONS);
    }

    String mobile() {
        return "1" + pick(List.of("35", "38", "39", "58", "86", "88")) + String.format("%08d", random.nextInt(100_000_000));
    }

    String landline(String region) {
        String area = region.startsWith("北京") ? "010" : region.startsWith("上海") ? "021" : region.startsWith("广东") ? "020" : "0571";
        return area + "-" + (60_000_000 + random.nextInt(30_000_000));
    }

    String email(String person, String company, int serial) {
        String local = person.chars().allMatch(c -> c < 128) ? person.toLowerCase().replace(' ', '.') : "contact" + serial;
        return local.replace("ü", "ue") + "@" + "client" + Math.abs(company.hashCode() % 100_000) + ".example.com";
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** True with the given chance (0..1). */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private static String city(String region) {
        String place = region.substring(region.indexOf('/') + 1);
        String city = place.endsWith("区") ? region.substring(0, region.indexOf('/')) : place;
        return city.replaceAll("[市省]$", "");
    }
}
