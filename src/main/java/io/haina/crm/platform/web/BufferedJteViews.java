package io.haina.crm.platform.web;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages are rendered into a byte buffer and sent in one write, instead of jte's default of writing
 * each piece through the response's writer. That writer is wrapped twice (Spring Security and Spring
 * Session each count the characters of every write to notice when the response commits), and a
 * list page makes thousands of small writes: the wrappers and the char-to-byte encoding per write
 * took about a sixth of a list page's server CPU (benchmark profile, issue 3). Buffering also means
 * a template that fails half-way sends nothing, so the error page is shown instead of half a page.
 */
@Configuration(proxyBeanMethods = false)
class BufferedJteViews {

    /** Replaces the starter's resolver (it backs off when one is declared), with the same settings. */
    @Bean
    JteViewResolver bufferedJteViewResolver(TemplateEngine templates, JteProperties properties) {
        return new JteViewResolver(templates, properties) {
            @Override
            protected AbstractUrlBasedView instantiateView() {
                return new BufferedJteView(templates);
            }
        };
    }

    static final class BufferedJteView extends JteView {

        /** Most pages fit; a larger one grows the buffer in further chunks. */
        private static final int CHUNK = 16 * 1024;

        private final TemplateEngine templates;

        BufferedJteView(TemplateEngine templates) {
            super(templates);
            this.templates = templates;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                                                 HttpServletResponse response) throws Exception {
            Utf8ByteOutput output = new Utf8ByteOutput(CHUNK);
            templates.render(getUrl(), model, output);
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            // One array, one write: the output holds the template's static parts as thousands of
            // arrays of their own, and writing them one by one pays the wrappers on each again.
            byte[] page = output.toByteArray();
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        }
    }
}
