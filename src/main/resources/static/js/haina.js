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

// A form that asks for different things per choice: an element marked data-for-kinds="A B" shows
// only while its form's [data-kind-select] has one of those values (the target object of a lookup,
// the options of a picklist). Without JavaScript every part shows, and the server ignores the rest.
(function () {
    function refresh(select) {
        select.form.querySelectorAll("[data-for-kinds]").forEach(function (element) {
            element.hidden = element.getAttribute("data-for-kinds").split(" ").indexOf(select.value) < 0;
        });
    }

    document.querySelectorAll("[data-kind-select]").forEach(refresh);
    document.addEventListener("change", function (event) {
        if (event.target.matches("[data-kind-select]")) {
            refresh(event.target);
        }
    });
})();
