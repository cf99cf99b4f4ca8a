/* Vitrina: small progressive enhancements. Every page works without this file. */
(function () {
    "use strict";

    var root = document.documentElement;
    root.classList.add("js");

    var SCROLL_KEY = "vitrina:variant-scroll";
    var usedKeyboard = false;

    // A keyboard user moving through radios or a select with the arrow keys
    // fires "change" at every step: reloading the page each time would throw
    // them back to the top. Only pointer choices submit on their own.
    document.addEventListener("keydown", function () { usedKeyboard = true; }, true);
    document.addEventListener("pointerdown", function () { usedKeyboard = false; }, true);

    function store(key, value) {
        try {
            if (value === null) { window.sessionStorage.removeItem(key); } else { window.sessionStorage.setItem(key, value); }
        } catch (error) { /* storage may be unavailable (private mode); nothing to remember then */ }
    }

    function read(key) {
        try { return window.sessionStorage.getItem(key); } catch (error) { return null; }
    }

    function submit(form) {
        if (typeof form.requestSubmit === "function") { form.requestSubmit(); } else { form.submit(); }
    }

    document.addEventListener("change", function (event) {
        var field = event.target;
        var form = field.form;
        if (!form) { return; }

        if (form.matches("form.variant-form") && field.type === "radio") {
            if (usedKeyboard) {
                // Show the form's own submit button instead of reloading.
                Array.prototype.forEach.call(form.querySelectorAll(".js-hidden"), function (element) {
                    element.classList.remove("js-hidden");
                });
                return;
            }
            submit(form);
        } else if (form.matches("form.listing-filters") && !usedKeyboard &&
                   (field.tagName === "SELECT" || field.type === "checkbox")) {
            // The "Apply" button stays visible for keyboard users.
            submit(form);
        }
    });

    // After choosing a variant the same product page loads again: keep the
    // reader where they were and put focus back on the chosen option.
    document.addEventListener("submit", function (event) {
        if (event.target.matches("form.variant-form")) {
            store(SCROLL_KEY, window.location.pathname + "|" + Math.round(window.scrollY));
        }
    });

    function restoreVariantPosition() {
        var saved = read(SCROLL_KEY);
        if (!saved) { return; }
        store(SCROLL_KEY, null);
        var parts = saved.split("|");
        if (parts[0] !== window.location.pathname) { return; }
        window.scrollTo({ top: parseInt(parts[1], 10) || 0, left: 0, behavior: "instant" });
        var checked = document.querySelector("form.variant-form input[type=radio]:checked");
        if (checked) { checked.focus({ preventScroll: true }); }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", restoreVariantPosition);
    } else {
        restoreVariantPosition();
    }
}());
