package io.haina.crm.marketing.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.haina.crm.marketing.WebFormLeadCreated;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;
import io.haina.crm.testsupport.WebClient;

/**
 * A visitor's post of a form's public page creates one lead, owned by the form's owner, with the
 * form's source and the campaign's UTM values; what is wrong is said at the field; bots and floods
 * create nothing.
 */
@HainaIntegrationTest
@RecordApplicationEvents
class WebFormIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestOrg org;
    @Autowired
    WebFormDesigner designer;
    @Autowired
    WebFormRepository forms;
    @Autowired
    WebFormSubmissions submissions;
    @Autowired
    DSLContext db;
    @Autowired
    ApplicationEvents events;

    long adminId;
    long repId;
    WebForm form;

    @BeforeEach
    void aFormOwnedByASalesRep() {
        adminId = org.admin();
        long role = org.role("销售代表").grant("lead", ScopeLevel.SELF, ObjectAction.VIEW, ObjectAction.CREATE,
                ObjectAction.EDIT).create();
        repId = org.user("wang.xm", "王小明", null, null, role);
        long id = designer.create(adminId, new WebFormDraft("官网咨询", "zh-CN", "预约演示", "感谢您的关注，我们会尽快联系您。",
                "exhibition", repId, true, List.of(new WebFormField("name", null, true),
                new WebFormField("company", "公司名称", true), new WebFormField("mobile", null, false),
                new WebFormField("email", null, false))));
        form = forms.find(id).orElseThrow();
    }

    @Test
    void aValidPostCreatesOneLeadOwnedByTheFormsOwnerWithSourceAndUtm() {
        WebClient visitor = new WebClient(port);
        HttpResponse<String> page = visitor.get("/f/" + form.publicKey() + "?utm_source=baidu&utm_medium=cpc&utm_campaign=spring");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("预约演示", "公司名称", "name=\"utm_source\" value=\"baidu\"", "name=\"website_url\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors *");
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        // No session for visitors: each would otherwise be a row in PostgreSQL's session table.
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> posted = visitor.post("/f/" + form.publicKey(), Map.of("name", "张伟", "company", "深圳海岸科技",
                "mobile", "13800138000", "utm_source", "baidu", "utm_medium", "cpc", "utm_campaign", "spring"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(visitor.get(path(posted)).body()).contains("感谢您的关注");

        List<? extends Record> leads = db.fetch("select name, company, mobile, source, utm_source, utm_medium, utm_campaign, owner_id, created_by from lead");
        assertThat(leads).hasSize(1);
        Record lead = leads.getFirst();
        assertThat(lead.get("name", String.class)).isEqualTo("张伟");
        assertThat(lead.get("source", String.class)).isEqualTo("exhibition");
        assertThat(lead.get("utm_source", String.class)).isEqualTo("baidu");
        assertThat(lead.get("utm_medium", String.class)).isEqualTo("cpc");
        assertThat(lead.get("utm_campaign", String.class)).isEqualTo("spring");
        assertThat(lead.get("owner_id", Long.class)).isEqualTo(repId);
        assertThat(lead.get("created_by", Long.class)).isEqualTo(repId);
        assertThat(db.fetchCount(db.selectFrom("web_form_submission"))).isEqualTo(1);
    }

    @Test
    void theFormsPageSpeaksTheFormsLanguageWhateverTheBrowserAsks() {
        designer.update(adminId, form.id(), new WebFormDraft("Website", "en", "Book a demo", "Thank you!", "website", repId,
                true, form.fields()));
        String body = new WebClient(port).language("zh-CN").get("/f/" + form.publicKey()).body();
        assertThat(body).contains("lang=\"en\"", "Mobile", "Submit").doesNotContain("提交");
    }

    @Test
    void aMissingRequiredFieldIsSaidAtTheFieldWithTheInputKeptAndNoLead() {
        HttpResponse<String> posted = new WebClient(port).post("/f/" + form.publicKey(),
                Map.of("name", "张伟", "company", "", "mobile", "13800138000"));
        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.body()).contains("id=\"f-company-error\"", "value=\"13800138000\"", "value=\"张伟\"");
        assertThat(leads()).isZero();
    }

    @Test
    void theEnginesTypeChecksAndTheContactRuleAreSaidAtTheFields() {
        HttpResponse<String> badEmail = new WebClient(port).post("/f/" + form.publicKey(),
                Map.of("name", "张伟", "company", "海岸", "email", "not-an-email"));
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(badEmail.body()).contains("id=\"f-email-error\"", "value=\"not-an-email\"");

        HttpResponse<String> unreachable = new WebClient(port).post("/f/" + form.publicKey(),
                Map.of("name", "张伟", "company", "海岸"));
        assertThat(unreachable.statusCode()).isEqualTo(400);
        assertThat(unreachable.body()).contains("请至少填写一种联系方式");
        assertThat(leads()).isZero();
    }

    @Test
    void aFilledHoneypotIsThankedAndCreatesNothing() {
        WebClient bot = new WebClient(port);
        HttpResponse<String> posted = bot.post("/f/" + form.publicKey(), Map.of("name", "Bot", "company", "Spam Inc",
                "mobile", "13800138000", "website_url", "http://spam.example"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(bot.get(path(posted)).body()).contains("感谢您的关注");
        assertThat(leads()).isZero();
    }

    @Test
    void aFloodFromOneAddressIsRefusedAfterTheLimit() {
        WebClient flood = new WebClient(port);
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            int status = flood.post("/f/" + form.publicKey(), Map.of("name", "访客" + i, "company", "海岸",
                    "mobile", "1380013" + String.format("%04d", i))).statusCode();
            statuses.merge(status, 1, Integer::sum);
        }
        assertThat(statuses).containsEntry(302, 5).containsEntry(429, 95);
        assertThat(leads()).isEqualTo(5);
        HttpResponse<String> refused = flood.post("/f/" + form.publicKey(), Map.of("name", "又一个", "mobile", "13900000000"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("提交过于频繁");
    }

    @Test
    void theEmbedScriptPlacesTheFormWithItsTitleAsTextAndOnlyForActiveForms() {
        designer.update(adminId, form.id(), new WebFormDraft(form.name(), "zh-CN", "预约\"演示\"</script><b>", form.thankYou(),
                form.source(), repId, true, form.fields()));
        HttpResponse<String> script = new WebClient(port).get("/f/" + form.publicKey() + "/embed.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(script.body()).contains("\"http://localhost:" + port + "/f/" + form.publicKey() + "\"",
                "[\"utm_source\",\"utm_medium\",\"utm_campaign\"]", "\"预约\\\"演示\\\"\\u003c/script>\\u003cb>\"")
                .doesNotContain("</script>");

        assertThat(new WebClient(port).get("/f/AAAAAAAAAAAAAAAAAAAAAA/embed.js").statusCode()).isEqualTo(404);
        designer.update(adminId, form.id(), new WebFormDraft(form.name(), "zh-CN", form.title(), form.thankYou(),
                form.source(), repId, false, form.fields()));
        assertThat(new WebClient(port).get("/f/" + form.publicKey() + "/embed.js").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownOrInactiveFormIsNotFound() {
        assertThat(new WebClient(port).get("/f/AAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
        assertThat(new WebClient(port).get("/f/nope").statusCode()).isEqualTo(404);
        designer.update(adminId, form.id(), new WebFormDraft(form.name(), "zh-CN", form.title(), form.thankYou(),
                form.source(), repId, false, form.fields()));
        assertThat(new WebClient(port).get("/f/" + form.publicKey()).statusCode()).isEqualTo(404);
        HttpResponse<String> posted = new WebClient(port).post("/f/" + form.publicKey(), Map.of("name", "张伟", "mobile", "13800138000"));
        assertThat(posted.statusCode()).isEqualTo(404);
        assertThat(leads()).isZero();
    }

    @Test
    void aLeadFromAFormIsAnnouncedForAssignmentRules() {
        long leadId = submissions.submit(form, Map.of("name", "张伟", "company", "海岸", "mobile", "13800138000"), "203.0.113.9");
        assertThat(events.stream(WebFormLeadCreated.class))
                .containsExactly(new WebFormLeadCreated(leadId, form.id(), repId, "exhibition"));
    }

    @Test
    void onlyAdministratorsDesignForms() {
        WebClient rep = new WebClient(port);
        rep.login("wang.xm", TestOrg.PASSWORD);
        assertThat(rep.get("/admin/web-forms").statusCode()).isEqualTo(403);
        assertThat(rep.get("/admin/web-forms/" + form.id()).statusCode()).isEqualTo(403);

        WebClient admin = new WebClient(port);
        admin.login(TestOrg.ADMIN, TestOrg.PASSWORD);
        HttpResponse<String> list = admin.get("/admin/web-forms");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("官网咨询");
        assertThat(admin.get("/admin/web-forms/" + form.id()).body()).contains("/f/" + form.publicKey() + "/embed.js", "&lt;iframe");
    }

    @Test
    void theDesignerRefusesAFormNobodyCouldBeReachedThrough() {
        WebClient admin = new WebClient(port);
        admin.login(TestOrg.ADMIN, TestOrg.PASSWORD);
        admin.get("/admin/web-forms/new");
        HttpResponse<String> posted = admin.post("/admin/web-forms", Map.of("name", "只问公司", "language", "zh-CN",
                "title", "标题", "thankYou", "谢谢", "source", "website", "ownerId", String.valueOf(repId), "ask", "company"));
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).contains("请至少询问一种联系方式");
        assertThat(forms.all()).hasSize(1);
    }

    private static String path(HttpResponse<String> redirect) {
        return java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawPath();
    }

    private int leads() {
        return db.fetchCount(db.selectFrom("lead"));
    }
}
