package io.haina.crm.sales.customer;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key two spellings of one company share (C7, L8): 北京海纳科技有限公司, 北京海纳科技 and
 * （北京）海纳科技有限公司 are one company to a salesperson, and so are "Haina Tech Co., Ltd." and
 * "HAINA TECH". The key drops what varies between spellings of a name — full- and half-width
 * forms, case, blanks and punctuation, brackets, the legal form (有限公司, 股份, 集团, Ltd ...) and
 * a leading place name — and keeps what tells companies apart. It is meant for a "possible
 * duplicate" warning, so it leans towards matching: 上海海纳科技 and 北京海纳科技 share a key too.
 */
public final class CompanyNames {

    /** Legal forms and group words, longest first, stripped from the end again and again. */
    private static final List<String> LEGAL_FORMS = List.of(
            "股份有限公司", "有限责任公司", "集团有限公司", "集团股份", "有限公司", "分公司", "总公司", "股份", "集团", "公司",
            "corporation", "company", "limited", "co.,ltd.", "co.,ltd", "co.ltd", "coltd", "corp", "inc", "llc", "ltd",
            "gmbh", "group");

    /** Provinces, autonomous regions and the larger cities, as names begin or end with them. */
    private static final String PLACE = "(北京|上海|天津|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建"
            + "|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门"
            + "|广州|深圳|南京|苏州|无锡|杭州|宁波|温州|济南|青岛|成都|武汉|长沙|郑州|石家庄|福州|厦门|合肥|西安|沈阳|大连"
            + "|长春|哈尔滨|太原|南昌|昆明|贵阳|南宁|海口|兰州|西宁|银川|乌鲁木齐|呼和浩特|拉萨|东莞|佛山|珠海|常州|南通)"
            + "(省|市|自治区|特别行政区)?";
    private static final Pattern LEADING_PLACE = Pattern.compile("^" + PLACE);
    /** 海纳科技（北京）有限公司: the place in brackets after the name, once brackets are gone. */
    private static final Pattern TRAILING_PLACE = Pattern.compile(PLACE + "$");

    /** A place name is only dropped when this much of the name is left, so 北京银行 stays itself. */
    private static final int KEPT_AFTER_PLACE = 3;

    private static final Pattern NOT_NAME = Pattern.compile("[\\p{Punct}\\p{Z}\\s\\p{Ps}\\p{Pe}\\p{Po}·•・]");

    private CompanyNames() {
    }

    /** The duplicate key of a company name; empty when nothing distinctive is left. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String key = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        key = NOT_NAME.matcher(key).replaceAll("");
        key = stripLegalForms(key);
        var leading = LEADING_PLACE.matcher(key);
        if (leading.find() && key.length() - leading.end() >= KEPT_AFTER_PLACE) {
            key = stripLegalForms(key.substring(leading.end()));
        }
        var trailing = TRAILING_PLACE.matcher(key);
        if (trailing.find() && trailing.start() >= KEPT_AFTER_PLACE) {
            key = stripLegalForms(key.substring(0, trailing.start()));
        }
        return key;
    }

    /** Whether two names are spellings of one company as far as the key can tell. */
    public static boolean sameCompany(String a, String b) {
        String key = key(a);
        return !key.isEmpty() && key.equals(key(b));
    }

    private static String stripLegalForms(String key) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String form : LEGAL_FORMS) {
                String plain = NOT_NAME.matcher(form).replaceAll("");
                if (key.endsWith(plain)) {
                    key = key.substring(0, key.length() - plain.length());
                    stripped = true;
                    break;
                }
            }
        }
        return key;
    }
}
