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

    function submit(form, submitter) {
        if (typeof form.requestSubmit === "function") { form.requestSubmit(submitter || undefined); } else { form.submit(); }
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
            // Through the form's own button, which skips validation: a half-typed
            // quantity for the add-to-cart button must not block choosing an option.
            submit(form, form.querySelector(".js-hidden[type=submit]"));
        } else if (form.matches("form.listing-filters") && !usedKeyboard &&
                   (field.tagName === "SELECT" || field.type === "checkbox")) {
            // The "Apply" button stays visible for keyboard users.
            submit(form);
        }
    });

    // After choosing a variant the same product page loads again: keep the
    // reader where they were and put focus back on the chosen option.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.matches("form.variant-form") || isCartSubmit(form, event.submitter)) { return; }
        var quantity = document.activeElement;
        var addButton = document.querySelector("[data-add-to-cart-button][form='" + form.id + "']");
        event.preventDefault();
        if (addButton && quantity && quantity.matches("[data-cart-quantity]")) {
            // Enter in the quantity field means "add to cart", not "show this option".
            addButton.click();
            return;
        }
        store(SCROLL_KEY, window.location.pathname + "|" + Math.round(window.scrollY));
        // Only the option goes into the URL (the form also owns the quantity and product fields
        // of the add-to-cart button), so every visitor of an option shares one cacheable URL.
        var url = new URL(form.action, window.location.href);
        var checked = form.querySelector("input[name=variant]:checked");
        if (checked) { url.searchParams.set("variant", checked.value); }
        window.location.assign(url.href);
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

    // ---------- Cart ----------
    // Forms that change the cart are sent with fetch and answered in JSON, so
    // the page does not reload; anything unexpected (an old browser, a network
    // error, an expired CSRF token) falls back to the plain form submit,
    // which works without this file.

    var NO_FETCH = "cartNoFetch";

    function isCartSubmit(form, submitter) {
        return Boolean((submitter && submitter.hasAttribute("data-add-to-cart-button")) ||
                       form.matches("form[data-add-to-cart], form[data-cart-form]"));
    }

    function sendForm(form, submitter) {
        var data = new FormData(form);
        if (submitter && submitter.name && !data.has(submitter.name)) { data.append(submitter.name, submitter.value); }
        var action = submitter && submitter.hasAttribute("formaction") ? submitter.formAction : form.action;
        return fetch(action, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: { "Accept": "application/json" }
        }).then(function (response) {
            var type = response.headers.get("Content-Type") || "";
            if (type.indexOf("application/json") === -1) { throw new Error("not JSON: " + response.status); }
            return response.json();
        });
    }

    function submitWithoutFetch(form, submitter) {
        form.dataset[NO_FETCH] = "1";
        submit(form, submitter);
    }

    function updateBadge(summary) {
        if (!summary || typeof summary.count !== "number") { return; }
        Array.prototype.forEach.call(document.querySelectorAll("[data-cart-count]"), function (badge) {
            badge.querySelector("[data-cart-count-number]").textContent = String(summary.count);
            badge.querySelector("[data-cart-count-label]").textContent = summary.label || "";
            badge.hidden = summary.count === 0;
        });
    }

    function announce(region, message, isError) {
        if (!region) { return; }
        region.textContent = "";
        var line = document.createElement("p");
        line.className = "message message--" + (isError ? "error" : "success");
        line.textContent = message;
        region.appendChild(line);
    }

    // Pages come from the page cache without a CSRF token (they are the same for
    // every visitor): this visitor's token comes with the cart summary.
    function fillCsrfToken(summary) {
        if (!summary || !summary.csrf_token) { return; }
        Array.prototype.forEach.call(document.querySelectorAll("[data-csrf-token]"), function (field) {
            field.value = summary.csrf_token;
        });
    }

    var summaryLoaded = null;

    function refreshBadge() {
        var link = document.querySelector("[data-cart-summary]");
        if (!link || !window.fetch) { return null; }
        summaryLoaded = fetch(link.getAttribute("data-cart-summary"), {
            credentials: "same-origin",
            headers: { "Accept": "application/json" }
        }).then(function (response) {
            return response.ok ? response.json() : null;
        }).then(function (summary) {
            fillCsrfToken(summary);
            updateBadge(summary);
        }).catch(function () { /* the badge stays empty; a form then falls back to a plain submit */ });
        return summaryLoaded;
    }

    function addToCart(form, submitter) {
        var area = (submitter || form).closest("[data-add-to-cart]");
        var region = area ? area.querySelector("[data-cart-status]") : null;
        return sendForm(form, submitter).then(function (result) {
            announce(region, result.message, !result.ok);
            updateBadge(result);
        });
    }

    function updateLine(form, result) {
        var line = form.closest("[data-cart-line]");
        var input = form.querySelector("input[name=quantity]");
        var error = line.querySelector("[data-line-error]");
        if (!result.ok) {
            error.textContent = result.message;
            error.hidden = false;
            if (input) { input.setAttribute("aria-invalid", "true"); }
            return;
        }
        error.textContent = "";
        error.hidden = true;
        if (input) { input.removeAttribute("aria-invalid"); }
        if (result.line) {
            var problem = line.querySelector("[data-line-problem]");
            problem.textContent = result.line.problem;
            problem.hidden = !result.line.problem;
            line.classList.toggle("cart-line--problem", Boolean(result.line.problem));
            line.querySelector("[data-line-total]").textContent = result.line.total;
            if (input && result.line.max_quantity) { input.max = String(result.line.max_quantity); }
        }
    }

    function changeCart(form, submitter) {
        var cart = form.closest("[data-cart]");
        return sendForm(form, submitter).then(function (result) {
            var removing = form.getAttribute("data-cart-form") === "remove";
            if (removing && result.ok) {
                if (result.count === 0) {
                    // The empty cart has its own page content: let the server render it.
                    window.location.assign(window.location.pathname);
                    return;
                }
                form.closest("[data-cart-line]").remove();
                // The focused button went away with its line: keep keyboard users in the cart.
                var heading = cart.querySelector("h1");
                heading.setAttribute("tabindex", "-1");
                heading.focus();
            } else {
                updateLine(form, result);
            }
            var subtotal = cart.querySelector("[data-cart-subtotal]");
            if (subtotal && result.subtotal) { subtotal.textContent = result.subtotal; }
            announce(cart.querySelector("[data-cart-status]"), result.message, !result.ok);
            updateBadge(result);
        });
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        var submitter = event.submitter || null;
        if (!window.fetch || !isCartSubmit(form, submitter)) { return; }
        if (form.dataset[NO_FETCH]) { delete form.dataset[NO_FETCH]; return; }
        event.preventDefault();
        var send = form.matches("form[data-cart-form]") ? changeCart : addToCart;
        if (submitter) { submitter.disabled = true; }
        // A click before the token arrived waits for it.
        Promise.resolve(summaryLoaded).then(function () {
            return send(form, submitter);
        }).catch(function () {
            if (submitter) { submitter.disabled = false; }
            submitWithoutFetch(form, submitter);
        }).then(function () {
            if (submitter) { submitter.disabled = false; }
        });
    });

    // Coming back with the browser's back button shows a stored copy of the page: recount.
    window.addEventListener("pageshow", function (event) {
        if (event.persisted) { refreshBadge(); }
    });

    // Third-party code (the live chat) held back until the visitor accepts that kind of cookie:
    // the consent banner stores the accepted kinds in the vitrina_consent cookie and fires vitrina:consent.
    function hasConsent(kind) {
        var match = document.cookie.match(/(?:^|; )vitrina_consent=([^;]*)/);
        return !!match && decodeURIComponent(match[1]).split(/[\s,|]+/).indexOf(kind) !== -1;
    }

    function loadConsented() {
        Array.prototype.forEach.call(document.querySelectorAll("template[data-consent]"), function (held) {
            if (!hasConsent(held.dataset.consent)) { return; }
            var fragment = held.content.cloneNode(true);
            // Scripts copied from a template never run: make them anew.
            Array.prototype.forEach.call(fragment.querySelectorAll("script"), function (copy) {
                var script = document.createElement("script");
                Array.prototype.forEach.call(copy.attributes, function (attribute) {
                    script.setAttribute(attribute.name, attribute.value);
                });
                script.text = copy.text;
                copy.parentNode.replaceChild(script, copy);
            });
            held.parentNode.replaceChild(fragment, held);
        });
    }
    document.addEventListener("vitrina:consent", loadConsented);

    function start() {
        restoreVariantPosition();
        refreshBadge();
        loadConsented();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
