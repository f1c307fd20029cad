package io.haina.crm.platform.metadata;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;

/**
 * The application's messages: administrators' wording for a label first (object, field and option
 * names they changed or added), the bundled {@code i18n/messages} otherwise. Every page, the API,
 * import mapping and export headers read labels through here, so a renamed field reads the same
 * everywhere without a restart.
 */
@Configuration(proxyBeanMethods = false)
class LabelOverrides {

    @Bean
    AbstractMessageSource messageSource(ObjectProvider<MetadataStore> store, Environment env) {
        ResourceBundleMessageSource bundled = new ResourceBundleMessageSource();
        bundled.setBasenames(env.getProperty("spring.messages.basename", "i18n/messages").split(","));
        bundled.setDefaultEncoding(env.getProperty("spring.messages.encoding", "UTF-8"));
        bundled.setFallbackToSystemLocale(env.getProperty("spring.messages.fallback-to-system-locale", Boolean.class, false));
        Overrides overrides = new Overrides(store);
        overrides.setParentMessageSource(bundled);
        return overrides;
    }

    /** Only label keys can be overridden; those take no arguments, so the text is used as written. */
    static final class Overrides extends AbstractMessageSource {

        /** Looked up on first use: the message source is made before the database is, early in startup. */
        private final ObjectProvider<MetadataStore> store;

        Overrides(ObjectProvider<MetadataStore> store) {
            this.store = store;
        }

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            return store.getObject().current().label(language(locale), code);
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            String text = resolveCodeWithoutArguments(code, locale);
            return text == null ? null : new MessageFormat(text.replace("'", "''"), locale);
        }

        private static String language(Locale locale) {
            return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
        }
    }
}
