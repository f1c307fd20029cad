// Small behaviours shared by every page. Loaded as a file (the Content-Security-Policy forbids inline scripts).
document.addEventListener("submit", function (event) {
    // <form data-confirm="..."> asks before a destructive action.
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});
