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


// The bell: its unread count stays live through Server-Sent Events (the page's own stream), and its
// menu loads when it opens (htmx). A hidden tab lets go of its stream and takes it up again when shown,
// so that many open tabs do not use up the browser's few connections to the server (six per host over
// HTTP/1.1); the stream starts with the count, so nothing is missed meanwhile.
(function () {
    var bell = document.getElementById("notice-bell");
    if (!bell || !window.EventSource) {
        return;
    }
    var count = document.getElementById("notice-count");
    var menu = document.getElementById("notice-menu");
    var source = null;

    function show(unread) {
        var before = count.hidden ? 0 : parseInt(count.getAttribute("data-count") || count.textContent, 10) || 0;
        count.setAttribute("data-count", String(unread));
        count.textContent = unread > 99 ? "99+" : String(unread);
        count.hidden = unread === 0;
        if (unread > before) {
            count.classList.remove("haina-bell-new");
            void count.offsetWidth; // restarts the animation
            count.classList.add("haina-bell-new");
            if (menu.classList.contains("show") && window.htmx) {
                window.htmx.ajax("GET", bell.getAttribute("data-menu"), {target: menu});
            }
        }
    }

    function connect() {
        if (source) {
            return;
        }
        source = new EventSource(bell.getAttribute("data-stream"));
        source.addEventListener("unread", function (event) {
            show(parseInt(event.data, 10) || 0);
        });
        source.addEventListener("error", function () {
            // CONNECTING: the browser tries again by itself. CLOSED: signed out meanwhile; stop.
            if (source && source.readyState === EventSource.CLOSED) {
                source = null;
            }
        });
    }

    function disconnect() {
        if (source) {
            source.close();
            source = null;
        }
    }

    document.addEventListener("visibilitychange", function () {
        if (document.hidden) {
            disconnect();
        } else {
            connect();
        }
    });
    window.addEventListener("pagehide", disconnect);
    window.addEventListener("pageshow", function (event) {
        if (event.persisted && !document.hidden) {
            connect();
        }
    });
    // The menu says the count it was made with (also after "mark all read").
    document.body.addEventListener("htmx:afterSwap", function (event) {
        var head = event.target === menu ? menu.querySelector("[data-unread]") : null;
        if (head) {
            show(parseInt(head.getAttribute("data-unread"), 10) || 0);
        }
    });
    if (!document.hidden) {
        connect();
    }
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
