package io.haina.crm.marketing.webform;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /f/{key}/embed.js}, the script an administrator pastes into the company's website: it
 * puts the form's iframe where the script tag stands, with the campaign's UTM values of the page
 * it stands on. A bare iframe cannot carry them: its src is fixed when pasted, and browsers send
 * a cross-site Referer without its query string, so the visitor's {@code ?utm_source=baidu}
 * would be lost.
 */
@RestController
class EmbedScriptController {

    private final WebFormRepository forms;
    private final JsonMapper json;

    EmbedScriptController(WebFormRepository forms, JsonMapper json) {
        this.forms = forms;
        this.json = json;
    }

    @GetMapping(value = HostedFormController.PATH + "/embed.js", produces = "text/javascript;charset=UTF-8")
    ResponseEntity<String> script(@PathVariable String key) {
        WebForm form = forms.findActive(key).orElse(null);
        if (form == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.valueOf("text/javascript;charset=UTF-8"))
                    .body("/* Haina: this form does not exist or is switched off */\n");
        }
        String hostedUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/f/" + form.publicKey()).toUriString();
        // Values go in as JSON string literals: a title with quotes or </script> stays text.
        String script = """
                (function () {
                  var here = document.currentScript;
                  var query = new URLSearchParams(window.location.search);
                  var src = new URL(%s);
                  %s.forEach(function (name) {
                    var value = query.get(name);
                    if (value) { src.searchParams.set(name, value); }
                  });
                  var frame = document.createElement("iframe");
                  frame.src = src.toString();
                  frame.title = %s;
                  frame.width = "100%%";
                  frame.height = "720";
                  frame.loading = "lazy";
                  frame.style.border = "0";
                  frame.style.maxWidth = "640px";
                  here.parentNode.insertBefore(frame, here);
                })();
                """.formatted(literal(hostedUrl), literal(WebFormSubmissions.UTM), literal(form.title()));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(script);
    }

    private String literal(Object value) {
        return json.writeValueAsString(value).replace("<", "\\u003c");
    }
}
