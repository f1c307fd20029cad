package io.haina.crm.platform.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<ShellFactory> shells;

    WebConfiguration(ObjectProvider<ShellFactory> shells) {
        this.shells = shells;
    }

    /** Lets a controller method take {@link Messages}: the texts in the request's language. */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Messages.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                return shells.getObject().messages(request.getNativeRequest(HttpServletRequest.class));
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ShellInterceptor(shells));
    }

    /** Spring MVC's request mapping with a literal-prefix test first: see {@link PrefixFirstHandlerMapping}. */
    @Bean
    WebMvcRegistrations prefixFirstHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefixFirstHandlerMapping();
            }
        };
    }

    /** The bean name {@code localeResolver} is how Spring MVC finds it. */
    @Bean
    LocaleResolver localeResolver(ShellContext context) {
        return new HainaLocaleResolver(context);
    }
}
