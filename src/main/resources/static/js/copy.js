// Copy buttons: <button data-copy-target="#id"> copies the text of that element (an input or textarea).
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy-target]');
    if (!button) {
        return;
    }
    var source = document.querySelector(button.getAttribute('data-copy-target'));
    if (!source) {
        return;
    }
    source.select();
    var done = function () {
        var label = button.querySelector('.copy-label');
        if (label && button.dataset.copiedText) {
            label.textContent = button.dataset.copiedText;
        }
    };
    if (navigator.clipboard) {
        navigator.clipboard.writeText(source.value).then(done, function () { document.execCommand('copy'); done(); });
    } else {
        document.execCommand('copy');
        done();
    }
});
