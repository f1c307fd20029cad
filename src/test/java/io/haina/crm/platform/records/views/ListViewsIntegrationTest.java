package io.haina.crm.platform.records.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import io.haina.crm.platform.records.Scene;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.ScopeLevel;
import io.haina.crm.platform.web.ConflictException;
import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;
import io.haina.crm.testsupport.HainaIntegrationTest;
import io.haina.crm.testsupport.TestOrg;

/** Saved views: personal unless an administrator shares them, checked like the list they save. */
@HainaIntegrationTest
class ListViewsIntegrationTest {

    @Autowired
    ListViews views;
    @Autowired
    TestOrg org;

    long admin;
    long rep;
    long otherRep;
    long manager;
    long managerRole;

    @BeforeEach
    void company() {
        admin = org.admin();
        long repRole = org.role("销售代表").grant("product", ScopeLevel.SELF, ObjectAction.VIEW).create();
        managerRole = org.role("销售经理").grant("product", ScopeLevel.ALL, ObjectAction.VIEW).create();
        long visitorRole = org.role("访客").grant("user", ScopeLevel.SELF, ObjectAction.VIEW).create();
        rep = org.user("wang", "王小明", null, null, repRole);
        otherRep = org.user("li", "李娜", null, null, repRole);
        manager = org.user("zhang", "张经理", null, null, managerRole);
        org.user("guest", "访客", null, null, visitorRole);
    }

    @Test
    void aPersonalViewKeepsTheListStateAndStaysWithItsOwner() {
        ListView saved = views.create(rep, "product", input("我的软件", ListView.Sharing.PERSONAL, Set.of()));

        assertThat(saved.filter()).isEqualTo("category eq software");
        assertThat(saved.sort()).isEqualTo("-list_price");
        assertThat(saved.columns()).containsExactly("name", "list_price", "owner_id");
        assertThat(saved.scene()).isEqualTo(Scene.MINE);
        assertThat(views.visibleTo(rep, "product")).extracting(ListView::name).containsExactly("我的软件");
        assertThat(views.visibleTo(otherRep, "product")).isEmpty();
        assertThatThrownBy(() -> views.find(otherRep, "product", saved.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> views.delete(otherRep, "product", saved.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyAdministratorsShareAndSharedViewsReachTheirAudience() {
        assertThatThrownBy(() -> views.create(rep, "product", input("大家的", ListView.Sharing.EVERYONE, Set.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey).contains("view.error.share-admin-only"));

        views.create(admin, "product", input("全员视图", ListView.Sharing.EVERYONE, Set.of()));
        views.create(admin, "product", input("经理视图", ListView.Sharing.ROLES, Set.of(managerRole)));

        assertThat(views.visibleTo(rep, "product")).extracting(ListView::name).containsExactly("全员视图");
        assertThat(views.visibleTo(manager, "product")).extracting(ListView::name).containsExactly("全员视图", "经理视图");
        ListView shared = views.visibleTo(rep, "product").getFirst();
        assertThat(views.mayManage(rep, shared)).isFalse();
        assertThatThrownBy(() -> views.delete(rep, "product", shared.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sharingRenamingAndDeletingReachUsersWhoHaveAlreadyOpenedTheList() {
        assertThat(views.visibleTo(rep, "product")).isEmpty(); // the views each user is offered are now kept
        assertThat(views.visibleTo(manager, "product")).isEmpty();

        ListView forManagers = views.create(admin, "product", input("经理视图", ListView.Sharing.ROLES, Set.of(managerRole)));
        assertThat(views.visibleTo(manager, "product")).extracting(ListView::name).containsExactly("经理视图");
        assertThat(views.visibleTo(rep, "product")).isEmpty();

        ListView forEveryone = views.update(admin, "product", forManagers.id(), forManagers.version(),
                input("全员视图", ListView.Sharing.EVERYONE, Set.of()));
        assertThat(views.visibleTo(rep, "product")).extracting(ListView::name).containsExactly("全员视图");
        assertThat(views.find(manager, "product", forEveryone.id()).name()).isEqualTo("全员视图");

        views.delete(admin, "product", forEveryone.id());
        assertThat(views.visibleTo(rep, "product")).isEmpty();
        assertThatThrownBy(() -> views.find(manager, "product", forEveryone.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aUserWithoutTheListSeesNoViews() {
        views.create(admin, "product", input("全员视图", ListView.Sharing.EVERYONE, Set.of()));

        long guest = org.user("guest2", "访客2", null, null);
        assertThatThrownBy(() -> views.visibleTo(guest, "product")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badInputIsRefusedWholeAndNothingIsSaved() {
        ListViewInput badFilter = new ListViewInput("坏的", ListView.Sharing.PERSONAL, Set.of(), Scene.ALL, null,
                "colour eq red", null, List.of());
        ListViewInput badColumns = new ListViewInput("坏的", ListView.Sharing.PERSONAL, Set.of(), Scene.ALL, null,
                null, null, List.of("name", "secret"));
        ListViewInput noName = new ListViewInput(" ", ListView.Sharing.PERSONAL, Set.of(), Scene.ALL, null, null, null, List.of());

        assertThatThrownBy(() -> views.create(rep, "product", badFilter)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> views.create(rep, "product", badColumns)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> views.create(rep, "product", noName)).isInstanceOf(InvalidInputException.class);
        assertThat(views.visibleTo(rep, "product")).isEmpty();
    }

    @Test
    void namesAreUniquePerOwnerAndStaleSavesAreRefused() {
        ListView first = views.create(rep, "product", input("我的软件", ListView.Sharing.PERSONAL, Set.of()));
        assertThatThrownBy(() -> views.create(rep, "product", input("我的软件 ", ListView.Sharing.PERSONAL, Set.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::messageKey).containsExactly("view.error.name-taken"));
        views.create(otherRep, "product", input("我的软件", ListView.Sharing.PERSONAL, Set.of()));

        views.update(rep, "product", first.id(), first.version(), input("软件（新）", ListView.Sharing.PERSONAL, Set.of()));
        assertThatThrownBy(() -> views.update(rep, "product", first.id(), first.version(),
                input("又改了", ListView.Sharing.PERSONAL, Set.of()))).isInstanceOf(ConflictException.class);
        assertThat(views.find(rep, "product", first.id()).name()).isEqualTo("软件（新）");
    }

    private static ListViewInput input(String name, ListView.Sharing sharing, Set<Long> roles) {
        return new ListViewInput(name, sharing, roles, Scene.MINE, null, "category eq software", "-list_price",
                List.of("name", "list_price", "owner_id"));
    }
}
