/* Vitrina: suggestions under the search box (includes/search_form.html).
 *
 * The box is a plain GET form that works without this file. Here its input
 * becomes an ARIA 1.2 combobox with a list of suggestions fetched from the
 * form's data-autocomplete URL: Down/Up move through them, Enter opens the
 * highlighted one (or submits the form when none is), Escape closes the list,
 * a click opens a suggestion, and a polite live region says how many there
 * are. Every text shown comes from the form's data-text-* attributes, so it
 * is translated by the template. No inline scripts or handlers (CSP).
 */
(function () {
    "use strict";

    var DEBOUNCE_MS = 200;
    var MIN_CHARACTERS = 2;

    function setUp(form) {
        var input = form.querySelector("input[name=q]");
        var listbox = form.querySelector("[role=listbox]");
        var status = form.querySelector("[data-search-status]");
        var endpoint = form.getAttribute("data-autocomplete");
        if (!input || !listbox || !status || !endpoint || !window.fetch || !window.URL) { return; }

        var texts = {
            one: form.getAttribute("data-text-one") || "",
            many: form.getAttribute("data-text-many") || "",
            none: form.getAttribute("data-text-none") || "",
            article: form.getAttribute("data-text-article") || "",
            page: form.getAttribute("data-text-page") || "",
            all: form.getAttribute("data-text-all") || ""
        };
        var timer = null;
        var controller = null;
        var options = [];
        var active = -1;

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listbox.id);

        function isOpen() {
            return input.getAttribute("aria-expanded") === "true";
        }

        function open() {
            if (!options.length) { return; }
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function close() {
            highlight(-1);
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
        }

        function highlight(index) {
            if (active >= 0 && options[active]) { options[active].setAttribute("aria-selected", "false"); }
            active = index;
            if (index < 0 || !options[index]) {
                active = -1;
                input.removeAttribute("aria-activedescendant");
                return;
            }
            options[index].setAttribute("aria-selected", "true");
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({ block: "nearest" });
        }

        function move(step) {
            if (!options.length) { return; }
            if (!isOpen()) {
                open();
                highlight(step > 0 ? 0 : options.length - 1);
                return;
            }
            var next = active + step;
            if (active < 0) { next = step > 0 ? 0 : options.length - 1; }
            highlight((next + options.length) % options.length);
        }

        function go(option) {
            close();
            window.location.assign(option.getAttribute("data-url"));
        }

        function announce(message) {
            status.textContent = message;
        }

        function countText(count) {
            if (count === 0) { return texts.none; }
            return count === 1 ? texts.one : texts.many.replace("{count}", String(count));
        }

        function element(tag, className, text) {
            var node = document.createElement(tag);
            if (className) { node.className = className; }
            if (text) { node.textContent = text; }
            return node;
        }

        function option(url, index) {
            var item = element("li", "site-search__option");
            item.id = listbox.id + "-" + index;
            item.setAttribute("role", "option");
            item.setAttribute("aria-selected", "false");
            item.setAttribute("data-url", url);
            return item;
        }

        function suggestion(result, index) {
            var item = option(result.url, index);
            if (result.image) {
                var image = element("img", "site-search__image");
                image.src = result.image;
                image.alt = "";
                image.width = 48;
                image.height = 48;
                item.appendChild(image);
            } else {
                var blank = element("span", "site-search__image site-search__image--empty");
                blank.setAttribute("aria-hidden", "true");
                item.appendChild(blank);
            }
            var text = element("span", "site-search__text");
            text.appendChild(element("span", "site-search__title", result.title));
            var detail = result.type === "product" ? result.price : texts[result.type];
            if (detail) { text.appendChild(element("span", "site-search__detail", detail)); }
            item.appendChild(text);
            return item;
        }

        function render(answer) {
            var results = Array.isArray(answer.results) ? answer.results : [];
            listbox.textContent = "";
            options = results.map(suggestion);
            if (results.length && answer.search_url && texts.all) {
                var all = option(answer.search_url, results.length);
                all.classList.add("site-search__option--all");
                all.textContent = texts.all;
                options.push(all);
            }
            options.forEach(function (item) { listbox.appendChild(item); });
            active = -1;
            input.removeAttribute("aria-activedescendant");
            if (options.length) { open(); } else { close(); }
            announce(countText(results.length));
        }

        function clear() {
            if (controller) { controller.abort(); controller = null; }
            options = [];
            listbox.textContent = "";
            close();
            announce("");
        }

        function fetchSuggestions(query) {
            if (controller) { controller.abort(); }
            controller = typeof window.AbortController === "function" ? new window.AbortController() : null;
            var url = new URL(endpoint, window.location.href);
            url.searchParams.set("q", query);
            fetch(url.href, {
                credentials: "same-origin",
                headers: { "Accept": "application/json" },
                signal: controller ? controller.signal : undefined
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (answer) {
                // An older answer that arrived late (or one for text since changed) is ignored.
                if (!answer || answer.query !== query || input.value.trim() !== query) { return; }
                render(answer);
            }).catch(function (error) {
                if (!error || error.name !== "AbortError") { clear(); }
            });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            var query = input.value.trim();
            if (query.length < MIN_CHARACTERS) {
                clear();
                return;
            }
            timer = window.setTimeout(function () { fetchSuggestions(query); }, DEBOUNCE_MS);
        });

        input.addEventListener("keydown", function (event) {
            if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) { return; }
            switch (event.key) {
            case "ArrowDown":
                event.preventDefault();
                move(1);
                break;
            case "ArrowUp":
                event.preventDefault();
                move(-1);
                break;
            case "Enter":
                if (isOpen() && active >= 0) {
                    event.preventDefault();
                    go(options[active]);
                }
                break;
            case "Escape":
                if (isOpen()) {
                    // Keep the text: the browser's own Escape would clear a search field.
                    event.preventDefault();
                    close();
                }
                break;
            case "Tab":
                close();
                break;
            default:
                break;
            }
        });

        input.addEventListener("blur", close);

        // Keep focus in the input while a suggestion is pressed, so blur does not close the list first.
        listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
        listbox.addEventListener("click", function (event) {
            var item = event.target.closest("[role=option]");
            if (item) { go(item); }
        });

        // A page restored by the back button must not show the list it was left with.
        window.addEventListener("pageshow", function (event) {
            if (event.persisted) { close(); }
        });
    }

    function start() {
        Array.prototype.forEach.call(document.querySelectorAll("form[data-autocomplete]"), setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
