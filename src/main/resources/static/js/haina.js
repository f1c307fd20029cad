// Small behaviours shared by every page. Loaded as a file (the Content-Security-Policy forbids inline scripts).
document.addEventListener("submit", function (event) {
    // <form data-confirm="..."> asks before a destructive action.
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});

// The top bar's search: arrow keys walk the suggestions, Escape closes them, "/" jumps to the box.
(function () {
    var box = document.getElementById("global-search");
    if (!box) {
        return;
    }
    var input = box.querySelector("input[name=q]");
    var results = document.getElementById("global-search-results");

    function options() {
        return Array.prototype.slice.call(results.querySelectorAll("a"));
    }

    function close() {
        results.innerHTML = "";
        input.setAttribute("aria-expanded", "false");
    }

    document.body.addEventListener("htmx:afterSwap", function (event) {
        if (event.target === results) {
            input.setAttribute("aria-expanded", results.children.length > 0 ? "true" : "false");
        }
    });
    box.addEventListener("keydown", function (event) {
        var all = options();
        var at = all.indexOf(document.activeElement);
        if ((event.key === "ArrowDown" || event.key === "ArrowUp") && all.length > 0) {
            event.preventDefault();
            var next = event.key === "ArrowDown" ? Math.min(at + 1, all.length - 1) : at - 1;
            (next < 0 ? input : all[next]).focus();
        } else if (event.key === "Escape" && results.children.length > 0) {
            // The first Escape closes the suggestions and keeps the text; the next one clears the box, as usual.
            event.preventDefault();
            close();
            input.focus();
        }
    });
    document.addEventListener("click", function (event) {
        if (!box.contains(event.target)) {
            close();
        }
    });
    document.addEventListener("keydown", function (event) {
        var typing = event.target.closest("input, textarea, select, [contenteditable]");
        if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
            event.preventDefault();
            input.focus();
        }
    });
})();

// Lists: "select all" ticks every row of the page; the bulk bar shows the inputs its action needs
// and how many rows are ticked.
(function () {
    var form = document.getElementById("bulk-form");
    if (!form) {
        return;
    }
    var action = form.querySelector("[data-bulk-action]");
    var count = form.querySelector("[data-bulk-count]");

    function ticked() {
        return document.querySelectorAll("input[name=ids][form=bulk-form]:checked").length;
    }

    function refresh() {
        var chosen = action.value;
        form.querySelectorAll("[data-bulk-for]").forEach(function (element) {
            element.hidden = element.getAttribute("data-bulk-for") !== chosen;
        });
        count.textContent = String(ticked());
    }

    document.addEventListener("change", function (event) {
        if (event.target.matches("[data-select-all]")) {
            document.querySelectorAll("input[name=ids][form=bulk-form]").forEach(function (box) {
                box.checked = event.target.checked;
            });
        }
        if (event.target.matches("[data-select-all], input[name=ids][form=bulk-form], [data-bulk-action]")) {
            refresh();
        }
    });
    refresh();
})();

// Detail pages: the chosen tab is kept in the address (#tab-history), so a reload or a shared link opens it again.
(function () {
    var tabs = document.getElementById("record-tabs");
    if (!tabs || !window.bootstrap) {
        return;
    }
    var buttons = Array.prototype.slice.call(tabs.querySelectorAll("[data-bs-toggle=tab]"));

    function showFromAddress() {
        var chosen = buttons.filter(function (button) {
            return button.getAttribute("data-bs-target") === window.location.hash;
        })[0];
        if (chosen) {
            window.bootstrap.Tab.getOrCreateInstance(chosen).show();
        }
    }

    showFromAddress();
    window.addEventListener("hashchange", showFromAddress);
    tabs.addEventListener("shown.bs.tab", function (event) {
        window.history.replaceState(null, "", event.target.getAttribute("data-bs-target"));
    });
})();

// Record forms: while a field the object checks for duplicates is typed or changed, the form asks the
// server for similar records (htmx) and shows them above the fields. A warning only; saving still works.
(function () {
    var panel = document.getElementById("record-duplicates");
    if (!panel || !window.htmx) {
        return;
    }
    var form = panel.closest("form");
    var names = panel.getAttribute("data-duplicate-fields").split(" ");
    var timer = null;
    var checked = null;

    function values() {
        return names.map(function (name) {
            var field = form.elements[name];
            return field && field.value ? field.value.trim() : "";
        });
    }

    function check() {
        window.clearTimeout(timer);
        var now = JSON.stringify(values());
        if (now !== checked) {
            checked = now;
            window.htmx.trigger(panel, "haina:check-duplicates");
        }
    }

    function watched(target) {
        return target && names.indexOf(target.name) >= 0;
    }

    form.addEventListener("change", function (event) {
        if (watched(event.target)) {
            check();
        }
    });
    form.addEventListener("input", function (event) {
        if (watched(event.target)) {
            window.clearTimeout(timer);
            timer = window.setTimeout(check, 700);
        }
    });
    // A new record's form sent back with errors already holds a name: check it at once.
    document.addEventListener("DOMContentLoaded", function () {
        if (panel.hasAttribute("data-check-on-load") && values().some(Boolean)) {
            check();
        }
    });
})();
