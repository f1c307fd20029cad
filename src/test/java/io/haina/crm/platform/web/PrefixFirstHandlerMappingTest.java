package io.haina.crm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

class PrefixFirstHandlerMappingTest {

    private static RequestMappingInfo mapping(String... paths) {
        var options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(new PathPatternParser());
        return RequestMappingInfo.paths(paths).options(options).build();
    }

    @Test
    void aPatternMustStartWithItsTextBeforeTheFirstVariableOrWildcard() {
        assertThat(PrefixFirstHandlerMapping.literalPrefixes(mapping("/api/v1/objects/{object}/{id}")))
                .containsExactly("/api/v1/objects/");
        assertThat(PrefixFirstHandlerMapping.literalPrefixes(mapping("/o/{object}", "/settings/users")))
                .containsExactlyInAnyOrder("/o/", "/settings/users");
        assertThat(PrefixFirstHandlerMapping.literalPrefixes(mapping("/f/{key}/embed.js"))).containsExactly("/f/");
        assertThat(PrefixFirstHandlerMapping.literalPrefixes(mapping("/webjars/**"))).containsExactly("/webjars/");
        assertThat(PrefixFirstHandlerMapping.literalPrefixes(mapping("/file?.txt"))).containsExactly("/file");
    }

    @Test
    void aPatternThatMayMatchAnyPathIsAlwaysTried() {
        assertThat(PrefixFirstHandlerMapping.literalPrefixes(mapping("/{page}"))).isEmpty();
        assertThat(PrefixFirstHandlerMapping.literalPrefixes(mapping("/**"))).isEmpty();
        assertThat(PrefixFirstHandlerMapping.literalPrefixes(mapping("/o/{object}", "/{any}"))).isEmpty();
        assertThat(PrefixFirstHandlerMapping.literalPrefixes(mapping())).isEmpty();
    }
}
