package io.haina.crm.sales.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Region conditions as sales teams speak of them: a province or city (上海, 江苏省, Suzhou), or a
 * whole area (华东, East China) standing for its provinces. A lead's region is free text of up to
 * three levels, typed by a visitor or a rep ("江苏省 苏州市", "上海"), so both sides are compared
 * without the administrative suffixes (省, 市, 自治区, Province, City) and a lead meets a place
 * when one of its levels begins with it ("江苏苏州" meets 江苏).
 */
public final class Regions {

    /** Places and areas in a condition are separated by commas, 、, semicolons or line breaks. */
    private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\n\\r]+");
    private static final Pattern SUFFIX = Pattern.compile(
            "(特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|省|市|province|city|shi|sheng|sar)$");

    /** The conventional areas of China (大区) with their provinces, in Chinese and in pinyin/English. */
    private static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

    static {
        area(List.of("华北", "North China"), "北京 Beijing", "天津 Tianjin", "河北 Hebei", "山西 Shanxi",
                "内蒙古 Inner Mongolia", "内蒙古 Nei Mongol");
        area(List.of("东北", "Northeast China", "Northeast"), "辽宁 Liaoning", "吉林 Jilin", "黑龙江 Heilongjiang");
        area(List.of("华东", "East China"), "上海 Shanghai", "江苏 Jiangsu", "浙江 Zhejiang", "安徽 Anhui", "福建 Fujian",
                "江西 Jiangxi", "山东 Shandong");
        area(List.of("华中", "Central China"), "河南 Henan", "湖北 Hubei", "湖南 Hunan");
        area(List.of("华南", "South China"), "广东 Guangdong", "广西 Guangxi", "海南 Hainan");
        area(List.of("西南", "Southwest China", "Southwest"), "重庆 Chongqing", "四川 Sichuan", "贵州 Guizhou",
                "云南 Yunnan", "西藏 Tibet", "西藏 Xizang");
        area(List.of("西北", "Northwest China", "Northwest"), "陕西 Shaanxi", "甘肃 Gansu", "青海 Qinghai",
                "宁夏 Ningxia", "新疆 Xinjiang");
        area(List.of("港澳台", "Hong Kong, Macao and Taiwan"), "香港 Hong Kong", "澳门 Macao", "澳门 Macau", "台湾 Taiwan");
    }

    private Regions() {
    }

    private static void area(List<String> names, String... provinces) {
        List<String> places = new ArrayList<>();
        for (String province : provinces) {
            int space = province.indexOf(' ');
            places.add(normal(province.substring(0, space)));
            places.add(normal(province.substring(space + 1)));
        }
        names.forEach(name -> AREAS.put(normal(name), places.stream().distinct().toList()));
    }

    /** The places and areas an administrator typed, one entry each, blanks and repeats dropped. */
    public static List<String> parse(String typed) {
        if (typed == null) {
            return List.of();
        }
        return SEPARATORS.splitAsStream(typed).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Whether one of the lead's region levels lies in one of the wanted places or areas. */
    static boolean matches(List<String> wanted, List<String> leadRegion) {
        List<String> levels = leadRegion.stream().map(Regions::normal).filter(s -> !s.isEmpty()).toList();
        for (String entry : wanted) {
            for (String place : AREAS.getOrDefault(normal(entry), List.of(normal(entry)))) {
                if (!place.isEmpty() && levels.stream().anyMatch(level -> level.startsWith(place))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lower case, without blanks and the administrative suffix: 江苏省 → 江苏, "Suzhou City" → suzhou. */
    static String normal(String place) {
        String s = place.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\u3000]+", "");
        String cut = SUFFIX.matcher(s).replaceFirst("");
        return cut.isEmpty() ? s : cut;
    }
}
