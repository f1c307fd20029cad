package io.haina.crm.api;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.haina.crm.platform.web.Messages;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description of {@code /api/v1} ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): every operation takes a bearer token from {@code POST /api/v1/auth/login},
 * which alone is marked open.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearerToken";
    static final String PROBLEM = "Problem";

    /**
     * What a {@code filter} parameter accepts. Every operation with such a parameter shows this
     * text, so the syntax is described in this one place.
     */
    static final String FILTER_SYNTAX = """
            Filter on the object's fields (as `GET /api/v1/metadata/{object}` lists them) and on             `owner_id`, `created_at`, `updated_at`, `created_by`, `updated_by`. Comparisons joined by             `and` / `or`, negated by `not`, grouped in brackets; `and` binds tighter than `or`.

            Operators: `eq` `ne` `gt` `ge` `lt` `le` (or `=` `!=` `>` `>=` `<` `<=`), `contains`,             `notcontains`, `startswith`, `in (a, b)`, `notin (a, b)`, `between a and b`, `empty`,             `notempty`, `during <period>` with periods `today` `yesterday` `tomorrow`,             `this_`/`last_`/`next_` + `week` `month` `quarter` `year`, `last_N_days`, `next_N_days`             (in the caller's time zone). Values are quoted ('O''Brien') or bare words, read as the             field's type reads input (`'¥1,000'`, `2026年11月1日`); `me` names the caller in user fields.             Text comparisons ignore case; `ne` and `notcontains` include empty values.

            Example: `category in (software, service) and (list_price >= 1000 or created_at during this_month)`""";

    static {
        // Resolved by the server from the request (the caller's language), not sent by clients.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Messages.class);
    }

    @Bean
    OpenAPI hainaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Haina CRM API").version("v1").description("""
                        Records of every object the caller's role may see, under the same permissions and data \
                        scope as the pages. Sign in with `POST /api/v1/auth/login` (username and password) and send \
                        the token it returns as `Authorization: Bearer hn_…`. Errors are RFC 9457 problem documents \
                        in the caller's language (`Accept-Language: zh-CN` or `en`).

                        A record is an object of its fields by name (`GET /api/v1/metadata/{object}` lists them). A \
                        lookup field (type `lookup`, its `lookupObject` the object it points at) holds the id of the \
                        record it points at, and is set by that id. Beside the fields, `_display` maps each lookup \
                        that has a value to the name of its target, or to null when the caller may not see that \
                        record or it was deleted: `{"id": 7, "cf_replacement": 12, "_display": {"cf_replacement": \
                        "海纳服务器 X1"}}`. `_display` is left out when no lookup has a value, and ignored when a \
                        client sends it back. A lookup set to a record that does not exist, is deleted or is not \
                        visible to the caller is refused with 400 and the field named in `errors`."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("hn_…")
                        .description("An API token from POST /api/v1/auth/login")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Every operation that takes a token can answer 401 (no valid token) and 403 (the role does
     * not allow it), as an RFC 9457 problem; said once here rather than on each method.
     */
    @Bean
    OpenApiCustomizer documentedProblemResponses() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, new ObjectSchema()
                    .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema()));
            api.getPaths().values().stream().flatMap(path -> path.readOperations().stream())
                    .filter(operation -> operation.getSecurity() == null || !operation.getSecurity().isEmpty())
                    .forEach(operation -> operation.getResponses()
                            .addApiResponse("401", problem("No valid bearer token"))
                            .addApiResponse("403", problem("The caller's role does not allow this")));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @Bean
    ParameterCustomizer filterSyntax() {
        return (parameter, method) -> {
            if (parameter != null && "filter".equals(parameter.getName())) {
                parameter.setDescription(FILTER_SYNTAX);
            }
            return parameter;
        };
    }
}
