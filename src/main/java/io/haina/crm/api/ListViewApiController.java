package io.haina.crm.api;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.records.Scene;
import io.haina.crm.platform.records.views.ListView;
import io.haina.crm.platform.records.views.ListViewInput;
import io.haina.crm.platform.records.views.ListViews;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/objects/{object}/views}: the saved list views the caller may use, as on the list
 * page. A view's list is {@code GET /api/v1/objects/{object}?view={id}}. Only administrators share
 * views; a change carries the {@code version} read, or the answer is 409.
 */
@RestController
@Tag(name = "Saved views")
@RequestMapping("/api/v1/objects/{object}/views")
class ListViewApiController {

    private final ListViews views;
    private final CurrentUsers users;

    ListViewApiController(ListViews views, CurrentUsers users) {
        this.views = views;
        this.users = users;
    }

    /** A view as the API shows and takes it; {@code sharing} is personal, everyone or roles. */
    record ViewBody(Long id, String name, String sharing, Set<Long> roleIds, String scene, String q, String filter,
                    String sort, List<String> columns, Long ownerId, Integer version) {

        static ViewBody of(ListView view) {
            return new ViewBody(view.id(), view.name(), view.sharing().name().toLowerCase(java.util.Locale.ROOT),
                    view.roleIds(), view.scene().code(), view.quickSearch(), view.filter(), view.sort(), view.columns(),
                    view.ownerId(), view.version());
        }

        ListViewInput input() {
            ListView.Sharing chosenSharing = null;
            if (sharing != null && !sharing.isBlank()) {
                try {
                    chosenSharing = ListView.Sharing.valueOf(sharing.strip().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.of("sharing", "api.error.sharing", sharing);
                }
            }
            Scene chosenScene = Scene.of(scene).orElseThrow(() -> InvalidInputException.of("scene", "record.error.scene", scene));
            return new ListViewInput(name == null ? "" : name, chosenSharing, roleIds, chosenScene, q, filter, sort, columns);
        }
    }

    @GetMapping
    List<ViewBody> list(@PathVariable String object) {
        return views.visibleTo(actor(), object).stream().map(ViewBody::of).toList();
    }

    @GetMapping("/{id}")
    ViewBody read(@PathVariable String object, @PathVariable long id) {
        return ViewBody.of(views.find(actor(), object, id));
    }

    @PostMapping
    ResponseEntity<ViewBody> create(@PathVariable String object, @RequestBody ViewBody body) {
        ListView created = views.create(actor(), object, body.input());
        return ResponseEntity.created(URI.create("/api/v1/objects/" + object + "/views/" + created.id()))
                .body(ViewBody.of(created));
    }

    /** Replaces the view; {@code version} must be the version read. */
    @PutMapping("/{id}")
    ViewBody update(@PathVariable String object, @PathVariable long id, @RequestBody ViewBody body) {
        if (body.version() == null) {
            throw InvalidInputException.of("version", "api.error.version-required");
        }
        return ViewBody.of(views.update(actor(), object, id, body.version(), body.input()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String object, @PathVariable long id) {
        views.delete(actor(), object, id);
        return ResponseEntity.noContent().build();
    }

    private long actor() {
        return users.require().id();
    }
}
