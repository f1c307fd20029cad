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
// and how many rows are ticked, and only while some are (a list is for reading until one picks
// rows; on a phone the bar would take a third of the screen). Without JavaScript it always shows.
(function () {
    var form = document.getElementById("bulk-form");
    if (!form) {
        return;
    }
    var action = form.querySelector("[data-bulk-action]");
    var count = form.querySelector("[data-bulk-count]");
    // Floating over the page's foot, so that ticking the first row does not push the rows down.
    form.classList.add("haina-bulk-floating");

    function ticked() {
        return document.querySelectorAll("input[name=ids][form=bulk-form]:checked").length;
    }

    function refresh() {
        var chosen = action ? action.value : null;
        form.querySelectorAll("[data-bulk-for]").forEach(function (element) {
            element.hidden = element.getAttribute("data-bulk-for") !== chosen;
        });
        var n = ticked();
        count.textContent = String(n);
        form.classList.toggle("haina-bulk-idle", n === 0);
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

// Lookup fields: a text box that searches the target object as one types (htmx asks
// /o/{target}/lookup for the choices) and a hidden input that carries the chosen record's id.
// Arrow keys walk the choices and Enter takes one; Escape closes them, and a second Escape (or
// leaving the box) puts back the record chosen before; the × clears the field.
(function () {
    function parts(element) {
        var box = element && element.closest ? element.closest("[data-lookup]") : null;
        return box && {
            box: box,
            id: box.querySelector("[data-lookup-id]"),
            text: box.querySelector("[data-lookup-text]"),
            list: box.querySelector("[role=listbox]"),
            clear: box.querySelector("[data-lookup-clear]")
        };
    }

    function options(p) {
        return Array.prototype.slice.call(p.list.querySelectorAll("[role=option]"));
    }

    function isOpen(p) {
        return p.list.children.length > 0;
    }

    function close(p) {
        p.list.innerHTML = "";
        p.text.setAttribute("aria-expanded", "false");
        p.text.removeAttribute("aria-activedescendant");
    }

    function active(p) {
        return options(p).findIndex(function (option) {
            return option.getAttribute("aria-selected") === "true";
        });
    }

    function highlight(p, index) {
        options(p).forEach(function (option, i) {
            option.setAttribute("aria-selected", i === index ? "true" : "false");
            option.classList.toggle("active", i === index);
            if (i === index) {
                p.text.setAttribute("aria-activedescendant", option.id);
                option.scrollIntoView({block: "nearest"});
            }
        });
    }

    function choose(p, option) {
        p.id.value = option ? option.getAttribute("data-id") : "";
        p.text.value = option ? option.getAttribute("data-name") : "";
        p.text.setAttribute("data-chosen", p.text.value);
        if (p.clear) {
            p.clear.hidden = !option;
        }
        close(p);
        p.id.dispatchEvent(new Event("change", {bubbles: true}));
    }

    // Leaving the box without taking a choice keeps what was chosen before; an emptied box clears it.
    function settle(p) {
        if (p.text.value.trim() === "") {
            choose(p, null);
        } else {
            p.text.value = p.text.getAttribute("data-chosen") || "";
            close(p);
        }
    }

    document.body.addEventListener("htmx:configRequest", function (event) {
        // The text box has no name, so that forms never send it; the search gets its text here.
        if (event.detail.elt.matches("[data-lookup-text]")) {
            event.detail.parameters.q = event.detail.elt.value;
        }
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
        var p = parts(event.target);
        if (!p || event.target !== p.list) {
            return;
        }
        if (document.activeElement !== p.text) {
            close(p); // an answer that came after the choice was made, or after leaving the box
            return;
        }
        options(p).forEach(function (option, i) {
            option.id = p.list.id + "-" + i;
        });
        p.text.setAttribute("aria-expanded", isOpen(p) ? "true" : "false");
    });
    document.addEventListener("keydown", function (event) {
        var p = event.target.matches("[data-lookup-text]") ? parts(event.target) : null;
        if (!p) {
            return;
        }
        var all = options(p);
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            if (!isOpen(p)) {
                htmx.trigger(p.text, "lookup-open");
                return;
            }
            var at = active(p);
            highlight(p, event.key === "ArrowDown" ? Math.min(at + 1, all.length - 1) : Math.max(at - 1, 0));
        } else if (event.key === "Enter" && isOpen(p)) {
            event.preventDefault(); // taking a choice, not sending the form
            if (active(p) >= 0) {
                choose(p, all[active(p)]);
            } else if (all.length === 1) {
                choose(p, all[0]);
            }
        } else if (event.key === "Escape") {
            event.preventDefault();
            if (isOpen(p)) {
                close(p);
            } else {
                settle(p);
            }
        }
    });
    document.addEventListener("mousedown", function (event) {
        if (event.target.closest("[data-lookup] [role=listbox]")) {
            event.preventDefault(); // keep the focus in the text box while a choice is clicked
        }
    });
    document.addEventListener("click", function (event) {
        var option = event.target.closest("[data-lookup] [role=option]");
        var clear = event.target.closest("[data-lookup-clear]");
        if (option) {
            choose(parts(option), option);
        } else if (clear) {
            var p = parts(clear);
            choose(p, null);
            p.text.focus();
        }
    });
    document.addEventListener("focusout", function (event) {
        var p = event.target.matches("[data-lookup-text]") ? parts(event.target) : null;
        if (p && !p.box.contains(event.relatedTarget)) {
            settle(p);
        }
    });
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

// Follow-ups: Ctrl+Enter (⌘+Enter) in the text saves the form; a quick follow-up modal closes itself
// once its form answers "saved", and is emptied when it closes so the next row starts afresh.
(function () {
    document.addEventListener("keydown", function (event) {
        var text = event.target.closest && event.target.closest("textarea[data-ctrl-enter]");
        if (text && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            text.form.requestSubmit();
        }
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
        var saved = event.target.querySelector ? event.target.closest("[data-close-modal=true]") || event.target.querySelector("[data-close-modal=true]") : null;
        var modal = saved && saved.closest(".modal");
        if (modal && window.bootstrap) {
            setTimeout(function () { window.bootstrap.Modal.getOrCreateInstance(modal).hide(); }, 900);
        }
        var content = event.target.querySelector && event.target.querySelector("textarea[data-ctrl-enter]");
        if (content && event.target.closest(".modal")) {
            content.focus();
        }
    });
})();

// File inputs: a file over the size limit is named at once and left out before anything is sent (the
// server says the same, but only after the whole file has travelled). A form with files answered with
// an error (a file the server refused while reading the request) shows the error page's message in it.
(function () {
    document.addEventListener("change", function (event) {
        var input = event.target;
        if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) {
            return;
        }
        var max = parseInt(input.getAttribute("data-max-bytes"), 10) || 0;
        var error = input.parentElement.querySelector("[data-file-error]");
        var files = Array.prototype.slice.call(input.files || []);
        var tooLarge = files.filter(function (file) { return max > 0 && file.size > max; });
        if (tooLarge.length > 0 && window.DataTransfer) {
            var kept = new DataTransfer();
            files.filter(function (file) { return tooLarge.indexOf(file) < 0; }).forEach(function (file) { kept.items.add(file); });
            input.files = kept.files;
        } else if (tooLarge.length > 0) {
            input.value = "";
        }
        input.classList.toggle("is-invalid", tooLarge.length > 0);
        if (error) {
            error.textContent = tooLarge.map(function (file) {
                return input.getAttribute("data-too-large").replace("{0}", file.name);
            }).join(" ");
            error.hidden = tooLarge.length === 0;
        }
    });
    document.body.addEventListener("htmx:beforeRequest", function (event) {
        var box = event.detail.elt && event.detail.elt.querySelector ? event.detail.elt.querySelector("[data-upload-error]") : null;
        if (box) {
            box.hidden = true;
        }
    });
    document.body.addEventListener("htmx:responseError", function (event) {
        var form = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest("form[enctype='multipart/form-data']") : null;
        var box = form && form.querySelector("[data-upload-error]");
        if (!box) {
            return;
        }
        var page = new DOMParser().parseFromString(event.detail.xhr.responseText || "", "text/html");
        var message = page.querySelector("#error-page p");
        box.textContent = message ? message.textContent : event.detail.xhr.statusText;
        box.hidden = false;
    });
})();

// An administrator's navigation is longer than a laptop screen: the sidebar scrolls on its own,
// and opens scrolled to the page one is on rather than hiding it below the fold. A page already in
// view leaves it at the top, where the product's name and the company are.
(function () {
    var sidebar = document.querySelector(".haina-sidebar");
    var current = sidebar && sidebar.querySelector(".haina-nav-link[aria-current=page]");
    if (current && current.offsetTop + current.offsetHeight > sidebar.clientHeight) {
        var top = current.offsetTop - sidebar.clientHeight / 2;
        sidebar.scrollTop = Math.max(0, top);
    }
})();
