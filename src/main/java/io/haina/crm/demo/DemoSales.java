package io.haina.crm.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.haina.crm.platform.activity.FollowUpDraft;
import io.haina.crm.platform.activity.FollowUps;
import io.haina.crm.platform.activity.TaskDraft;
import io.haina.crm.platform.activity.Tasks;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordService;
import io.haina.crm.sales.lead.LeadConversion;
import io.haina.crm.sales.pool.PoolDraft;
import io.haina.crm.sales.pool.PoolMember;
import io.haina.crm.sales.pool.PoolReturns;
import io.haina.crm.sales.pool.PoolRule;
import io.haina.crm.sales.pool.PoolRuleKind;
import io.haina.crm.sales.pool.PoolSettings;

/**
 * The demo company's selling: products, customers with contacts, leads, half a year of
 * follow-ups (with next follow-ups ahead; some tasks overdue), tasks, a public pool and a lead pool
 * with records waiting in them, and leads already converted. Everything is written through the
 * services a user's actions go through, so the data obey the same rules; only the creation times
 * are moved into the past afterwards ({@link DemoBackdating}).
 */
@Component
class DemoSales {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoSales.class);

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Records written per transaction: one commit per record would make loading slow. */
    private static final int BATCH = 200;

    private static final List<String> INDUSTRIES = List.of("it", "manufacturing", "finance", "education", "healthcare", "retail",
            "real_estate", "energy", "logistics", "government", "professional_services");
    private static final List<String> SOURCES = List.of("website", "exhibition", "referral", "new_media", "advertising",
            "purchased_list", "cold_call");
    private static final List<String> SIZES = List.of("1_20", "21_100", "101_500", "501_1000", "1000_plus");
    private static final List<String> FOLLOW_UP_KINDS = List.of("call", "call", "wechat", "visit", "email", "meeting");
    private static final List<String> NOTES = List.of("电话沟通了需求，客户关注交付周期和售后响应。", "微信发送了产品白皮书和报价单，客户说下周内部评审。",
            "上门拜访，演示了新版系统，IT 负责人比较认可。", "客户反馈预算在走审批，月底前给答复。", "邀请客户参加下月的行业沙龙，对方已确认。",
            "Sent the proposal and a reference case; they will compare with two other vendors.", "技术交流会，对接口和数据迁移提了很多问题。",
            "客户暂时没有采购计划，约好季度末再联系。", "报价已发，客户希望再给 5% 折扣，需要请示经理。", "Call with procurement: contract terms look fine, waiting on legal.");
    private static final List<String> TASKS = List.of("准备报价单", "发送合同草稿", "安排产品演示", "回访确认需求", "整理投标文件", "Send case study");

    private final RecordService records;
    private final FollowUps followUps;
    private final Tasks tasks;
    private final PoolSettings pools;
    private final PoolReturns returns;
    private final LeadConversion conversion;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoSales(RecordService records, FollowUps followUps, Tasks tasks, PoolSettings pools, PoolReturns returns,
              LeadConversion conversion, TransactionTemplate transactions, Clock clock) {
        this.records = records;
        this.followUps = followUps;
        this.tasks = tasks;
        this.pools = pools;
        this.returns = returns;
        this.conversion = conversion;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What was made, and since when each record has existed (for the backdating). */
    record Made(Map<Long, OffsetDateTime> customersSince, Map<Long, OffsetDateTime> leadsSince, int contacts,
                int followUps, int tasks, int pooled, int converted) {
    }

    Made create(DemoOrganization.People people, DemoNames names, int customerCount, int leadCount) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long started = System.nanoTime();
        products(people.adminId());
        List<Long> reps = people.reps();
        Map<Long, OffsetDateTime> customersSince = new HashMap<>();
        Map<Long, Long> ownerOf = new HashMap<>();
        int[] counts = new int[4]; // contacts, follow-ups, tasks, converted
        inBatches(customerCount, i -> {
            long owner = reps.get(i % reps.size());
            OffsetDateTime since = duringWork(now.minusDays(20 + names.random().nextInt(200)), names);
            long id = customer(owner, names, i);
            customersSince.put(id, since);
            ownerOf.put(id, owner);
            List<String> contactIds = contacts(owner, id, names, counts);
            counts[1] += history(owner, "customer", id, since, now, contactIds, names);
            if (names.chance(0.15)) {
                tasks.create(owner, new TaskDraft(names.pick(TASKS), null, duringWork(now.plusDays(names.random().nextInt(14) - 3), names).toString(),
                        "60", null, names.chance(0.3) ? "high" : null, "customer", String.valueOf(id)), ZONE);
                counts[2]++;
            }
        });
        log.info("Demo: {} customers with {} contacts and {} follow-ups, {} ms", customerCount, counts[0], counts[1],
                (System.nanoTime() - started) / 1_000_000);
        Map<Long, OffsetDateTime> leadsSince = new HashMap<>();
        Map<Long, Long> leadOwners = new HashMap<>();
        List<long[]> convertible = new ArrayList<>();
        inBatches(leadCount, i -> {
            long owner = i % 5 == 0 ? people.marketingIds().get(i % people.marketingIds().size()) : reps.get(i % reps.size());
            OffsetDateTime since = duringWork(now.minusDays(1 + names.random().nextInt(120)), names);
            long id = lead(owner, names, i);
            leadsSince.put(id, since);
            leadOwners.put(id, owner);
            if (names.chance(0.5)) {
                counts[1] += history(owner, "lead", id, since, now, List.of(), names);
            }
            if (reps.contains(owner) && names.chance(0.04)) {
                convertible.add(new long[] {owner, id});
            }
        });
        inBatches(convertible.size(), i -> {
            long[] lead = convertible.get(i);
            var done = conversion.convert(lead[0], lead[1], null, true);
            // Converted some time after the lead came in, and since graded like the other customers.
            OffsetDateTime leadSince = leadsSince.get(lead[1]);
            OffsetDateTime converted = duringWork(leadSince.plusDays(
                    (long) (names.random().nextDouble() * java.time.Duration.between(leadSince, now).toDays())), names);
            customersSince.put(done.customerId(), converted.isBefore(now) ? converted : leadSince);
            RecordData customer = records.read(lead[0], "customer", done.customerId());
            records.update(lead[0], "customer", customer.id(), customer.version(),
                    Map.of("level", names.pick(List.of("a", "b", "b", "c")), "status", "intention"));
            leadOwners.remove(lead[1]);
            counts[3]++;
        });
        log.info("Demo: {} leads, {} converted, {} ms so far", leadCount, counts[3],
                (System.nanoTime() - started) / 1_000_000);
        int pooled = pools(people, names, ownerOf, leadOwners);
        return new Made(customersSince, leadsSince, counts[0], counts[1], counts[2], pooled, counts[3]);
    }

    private void products(long admin) {
        String[][] catalogue = {
                {"海纳 CRM 专业版（年订阅/用户）", "CRM-PRO", "software", "1200"}, {"海纳 CRM 企业版（年订阅/用户）", "CRM-ENT", "software", "2400"},
                {"实施服务（人天）", "SVC-DAY", "service", "3000"}, {"数据迁移服务", "SVC-MIG", "service", "20000"},
                {"海纳服务器 X1", "HW-X1", "hardware", "45800"}, {"培训课程（10 人）", "TRN-10", "service", "8000"}};
        transactions.executeWithoutResult(tx -> {
            for (String[] p : catalogue) {
                records.create(admin, "product", Map.of("name", p[0], "code", p[1], "category", p[2], "list_price", p[3]));
            }
        });
    }

    private long customer(long owner, DemoNames names, int serial) {
        boolean abroad = names.international();
        String region = names.region();
        Map<String, String> values = new HashMap<>();
        values.put("name", names.company(abroad, region));
        values.put("level", names.pick(List.of("key", "a", "b", "b", "c", "c")));
        values.put("industry", names.pick(INDUSTRIES));
        values.put("company_size", names.pick(SIZES));
        values.put("source", names.pick(SOURCES));
        values.put("status", names.pick(List.of("potential", "potential", "intention", "negotiating", "dormant")));
        values.put("deal_status", names.chance(0.25) ? "won" : "none");
        values.put("phone", names.landline(region));
        if (abroad) {
            values.put("address", names.overseasPlace());
        } else {
            values.put("region", region);
        }
        return records.create(owner, "customer", values).id();
    }

    private List<String> contacts(long owner, long customerId, DemoNames names, int[] counts) {
        List<String> ids = new ArrayList<>();
        int howMany = 1 + names.random().nextInt(3);
        for (int c = 0; c < howMany; c++) {
            boolean abroad = names.international();
            String person = names.person(abroad);
            Map<String, String> values = new HashMap<>();
            values.put("name", person);
            values.put("customer_id", String.valueOf(customerId));
            values.put("is_primary", String.valueOf(c == 0));
            values.put("title", names.title(abroad));
            values.put("mobile", names.mobile());
            values.put("email", names.email(person, String.valueOf(customerId), counts[0]));
            values.put("decision_role", names.pick(List.of("decision_maker", "influencer", "evaluator", "user")));
            ids.add(String.valueOf(records.create(owner, "contact", values).id()));
            counts[0]++;
        }
        return ids;
    }

    private long lead(long owner, DemoNames names, int serial) {
        boolean abroad = names.international();
        String region = names.region();
        String person = names.person(abroad);
        Map<String, String> values = new HashMap<>();
        values.put("name", person);
        values.put("company", names.company(abroad, region));
        values.put("title", names.title(abroad));
        values.put("mobile", names.mobile());
        values.put("email", names.email(person, "lead" + serial, serial));
        values.put("industry", names.pick(INDUSTRIES));
        values.put("company_size", names.pick(SIZES));
        values.put("source", names.pick(SOURCES));
        values.put("status", names.pick(List.of("new", "new", "following", "valid", "nurturing", "invalid")));
        values.put("temperature", names.pick(List.of("hot", "warm", "warm", "cold")));
        if (!abroad) {
            values.put("region", region);
        }
        return records.create(owner, "lead", values).id();
    }

    /** Follow-ups between the record's start and now, the last one often with a next follow-up (the service refuses one in the past). */
    private int history(long owner, String object, long id, OffsetDateTime since, OffsetDateTime now, List<String> contactIds,
                        DemoNames names) {
        int count = names.random().nextInt(4);
        long span = Math.max(1, java.time.Duration.between(since, now).toMinutes());
        List<OffsetDateTime> times = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            OffsetDateTime at = duringWork(since.plusMinutes((long) (names.random().nextDouble() * span)), names);
            times.add(at.isBefore(now) ? at : at.minusDays(1));
        }
        times.sort(null);
        for (int f = 0; f < times.size(); f++) {
            boolean last = f == times.size() - 1;
            String next = last && names.chance(0.7) ? upcoming(now, names.random().nextInt(21), names).toString() : null;
            List<String> met = contactIds.isEmpty() || names.chance(0.5) ? List.of() : List.of(names.pick(contactIds));
            followUps.add(owner, object, id, new FollowUpDraft(names.pick(FOLLOW_UP_KINDS), names.pick(NOTES), met,
                    times.get(f).toString(), next), ZONE);
        }
        return count;
    }

    /** The 公海 and the lead pool, with what reps let go waiting in them. */
    private int pools(DemoOrganization.People people, DemoNames names, Map<Long, Long> ownerOf, Map<Long, Long> leadOwners) {
        List<PoolMember> members = new ArrayList<>(people.groups().stream().map(g -> PoolMember.department(g.departmentId())).toList());
        members.add(PoolMember.user(people.directorId(), true));
        long customerPool = pools.create(people.adminId(), new PoolDraft("customer", "公海", "无人跟进或暂无需求的客户，各销售组可领取",
                true, 5, 10, 300, true, 30, members, List.of(new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 90, null, true, true))));
        List<PoolMember> leadMembers = new ArrayList<>(members);
        people.marketingIds().forEach(id -> leadMembers.add(PoolMember.user(id, true)));
        long leadPool = pools.create(people.adminId(), new PoolDraft("lead", "线索池", "市场部收集、尚未分配的线索",
                true, 3, 20, 500, false, 15, leadMembers, List.of(new PoolRule(PoolRuleKind.NO_FOLLOW_UP, 30, null, true, true))));
        List<String> reasons = List.of("客户今年没有预算，明年再联系", "联系人离职，暂时找不到对接人", "需求不匹配", "Not a fit for now");
        int[] pooled = {0};
        // Picked at random, not every n-th: records were dealt to the reps in turn, so every n-th
        // would empty one rep's list into the pool.
        List<Long> customers = ownerOf.keySet().stream().sorted().filter(id -> names.chance(1.0 / 12)).toList();
        inBatches(customers.size(), i -> {
            long id = customers.get(i);
            returns.returnToPool(ownerOf.get(id), "customer", id, customerPool, names.pick(reasons));
            pooled[0]++;
        });
        List<Long> leadIds = leadOwners.keySet().stream().sorted() // converted leads are not among them
                .filter(id -> names.chance(0.1)).toList();
        inBatches(leadIds.size(), i -> {
            long id = leadIds.get(i);
            returns.returnToPool(leadOwners.get(id), "lead", id, leadPool, names.pick(reasons));
            pooled[0]++;
        });
        return pooled[0];
    }

    /**
     * The same day at a time salespeople work, 9:00 to 17:55 in Shanghai on a five-minute mark: a
     * calendar of calls at four in the morning would not look like a sales team.
     */
    private static OffsetDateTime duringWork(OffsetDateTime day, DemoNames names) {
        return day.atZoneSameInstant(ZONE).withHour(9 + names.random().nextInt(9)).withMinute(5 * names.random().nextInt(12))
                .withSecond(0).withNano(0).toOffsetDateTime();
    }

    /** A working time {@code days} from now, never in the past (the services refuse a next follow-up that is). */
    private static OffsetDateTime upcoming(OffsetDateTime now, int days, DemoNames names) {
        OffsetDateTime at = duringWork(now.plusDays(days), names);
        return at.isAfter(now) ? at : at.plusDays(1);
    }

    /** Runs the step for 0..count-1, committing every {@link #BATCH} records. */
    private void inBatches(int count, java.util.function.IntConsumer step) {
        for (int start = 0; start < count; start += BATCH) {
            int from = start;
            int to = Math.min(count, start + BATCH);
            transactions.executeWithoutResult(tx -> {
                for (int i = from; i < to; i++) {
                    step.accept(i);
                }
            });
        }
    }
}
