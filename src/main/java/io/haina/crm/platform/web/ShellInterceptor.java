package io.haina.crm.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the {@link Shell} into the model of every page a controller renders, after the controller
 * and before the template. An API answer and a redirect render no page and get none; before,
 * a {@code @ModelAttribute} advice ran for every request, the API's too (issue 3: a few percent of
 * an API request's CPU to decide it had nothing to add). Error pages add theirs themselves
 * ({@link ErrorResponses}): no interceptor runs after a controller throws.
 */
class ShellInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = "shell";

    private final ObjectProvider<ShellFactory> shells;

    ShellInterceptor(ObjectProvider<ShellFactory> shells) {
        this.shells = shells;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || page.getModel().containsKey(ATTRIBUTE) || page.getView() instanceof RedirectView) {
            return;
        }
        String viewName = page.getViewName();
        if (viewName != null && (viewName.startsWith("redirect:") || viewName.startsWith("forward:"))) {
            return;
        }
        page.addObject(ATTRIBUTE, shells.getObject().create(request));
    }
}
