/*
 * Vraagwijzer chat widget: one <script> tag puts a chat button on a pps website.
 *
 *   <script src="https://example.org/widget/vraagwijzer.js"
 *           data-server-url="https://bot.example.org"
 *           data-title="Vraagwijzer" data-color="#0b5cad" defer></script>
 *
 * It talks to Rasa's socket.io channel with session persistence: the session
 * token (issued by the server, bot/channels/widget_session.py) and the messages
 * shown are kept in sessionStorage (data-storage="local": localStorage), so a
 * reload or another page of the same site continues the conversation. When the
 * conversation is erased ("verwijder mijn gegevens") both storages are cleared. Bot text is never put into
 * the page as HTML: it is split into text nodes, line breaks and links.
 * socket.io.min.js (socket.io-client 4, from npm) is loaded from the same folder.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.Vraagwijzer) {
    return;
  }
  var base = script.src.replace(/[^/]*(\?.*)?$/, "");
  var config = {
    serverUrl: script.dataset.serverUrl || location.protocol + "//" + location.hostname + ":5005",
    title: script.dataset.title || "Vraagwijzer",
    color: script.dataset.color || "#0b5cad",
    storage: script.dataset.storage === "local" ? window.localStorage : window.sessionStorage,
  };
  var STORAGE_KEY = "vraagwijzer.conversation";
  var MAX_STORED_MESSAGES = 200;
  var TYPING_TIMEOUT_MS = 30000;
  var URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;
  var TEXT = {
    open: "Chat met " + config.title,
    close: "Sluit het gesprek",
    hide: "Verberg de chat",
    restart: "Nieuw gesprek",
    log: "Gesprek met " + config.title,
    input: "Je bericht",
    placeholder: "Typ je bericht…",
    send: "Verstuur",
    typing: config.title + " typt…",
    choices: "Keuzes",
    options: "Mogelijkheden",
    why: "Waarom: ",
    effort: "Wat het van je vraagt: ",
    more: "Meer over deze mogelijkheid",
    example: "Voorbeeld: ",
    choose: "Kies deze",
    connecting: "Verbinding maken…",
    offline: "Geen verbinding met " + config.title + ". We proberen het opnieuw…",
    you: "Jij",
    bot: config.title,
  };

  var state = loadState();
  var socket = null;
  // Messages typed while the socket has not (re)joined its session: the server
  // ignores messages from a socket before its session_request.
  var joined = false;
  var pending = [];
  var typingTimer = null;
  var ui = buildUi();
  var firstBotMessageMarked = false;
  // The element the log keeps in view: the start of the bot's answer, or the
  // first option card, so long answers are read from the top.
  var scrollAnchor = null;

  window.Vraagwijzer = { open: openPanel, close: closePanel, restart: restartConversation };
  if (state.open) {
    openPanel(false);
  }

  // The server issues the token (session_confirm): a new conversation has none yet.
  function newState(open) {
    return { sessionId: null, messages: [], open: open };
  }

  function loadState() {
    try {
      var saved = JSON.parse(config.storage.getItem(STORAGE_KEY) || "null");
      var token = saved && saved.sessionId;
      if (saved && (token === null || /^[0-9a-f]{64}$/.test(token)) &&
          Array.isArray(saved.messages)) {
        return saved;
      }
    } catch (error) {
      // unreadable storage: start afresh
    }
    return newState(false);
  }

  // After an erasure nothing of the conversation stays in the browser.
  function forgetStored() {
    [window.sessionStorage, window.localStorage].forEach(function (storage) {
      try {
        storage.removeItem(STORAGE_KEY);
      } catch (error) {
        // storage blocked: nothing was kept there
      }
    });
  }

  function saveState() {
    state.messages = state.messages.slice(-MAX_STORED_MESSAGES);
    try {
      config.storage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (error) {
      // storage full or blocked: the conversation still works on this page
    }
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") {
        node.textContent = attributes[name];
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function buildUi() {
    var stylesheet = element("link", { rel: "stylesheet", href: base + "vraagwijzer.css" });
    document.head.appendChild(stylesheet);

    var root = element("div", { class: "vw-root" });
    root.style.setProperty("--vw-color", config.color);
    var launcher = element("button", {
      type: "button", class: "vw-launcher", "aria-expanded": "false",
      "aria-controls": "vw-panel", text: TEXT.open,
    });
    var title = element("h2", { class: "vw-title", id: "vw-title", text: config.title });
    var restart = element("button", { type: "button", class: "vw-restart", text: TEXT.restart });
    var close = element("button", {
      type: "button", class: "vw-close", "aria-label": TEXT.close, title: TEXT.close, text: "×",
    });
    var status = element("p", { class: "vw-status", role: "status", hidden: "" });
    var log = element("div", {
      class: "vw-log", role: "log", "aria-live": "polite", "aria-label": TEXT.log, tabindex: "0",
    });
    // Always in the page and filled while the bot types: a live region only
    // announces changes to its content.
    var typing = element("p", { class: "vw-typing", role: "status", "aria-live": "polite" });
    var input = element("input", {
      type: "text", id: "vw-input", class: "vw-input", autocomplete: "off",
      placeholder: TEXT.placeholder, maxlength: "1000",
    });
    var form = element("form", { class: "vw-form" }, [
      element("label", { for: "vw-input", class: "vw-visually-hidden", text: TEXT.input }),
      input,
      element("button", { type: "submit", class: "vw-send", text: TEXT.send }),
    ]);
    var panel = element("section", {
      id: "vw-panel", class: "vw-panel", role: "dialog", "aria-modal": "true",
      "aria-labelledby": "vw-title", hidden: "",
    }, [
      element("header", { class: "vw-header" }, [title, restart, close]),
      status, log, typing, form,
    ]);
    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);

    launcher.addEventListener("click", function () {
      if (panel.hidden) { openPanel(true); } else { closePanel(); }
    });
    close.addEventListener("click", closePanel);
    restart.addEventListener("click", restartConversation);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { closePanel(); }
      if (event.key === "Tab") { keepFocusInside(event); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (text) {
        input.value = "";
        sendMessage(text, text);
      }
    });
    return { launcher: launcher, panel: panel, log: log, typing: typing, input: input, status: status };
  }

  // The panel is modal: Tab and Shift+Tab cycle through its own controls.
  function keepFocusInside(event) {
    var focusable = Array.prototype.filter.call(
      ui.panel.querySelectorAll("button, input, summary, a[href], [tabindex]"),
      function (node) {
        return !node.disabled && node.tabIndex >= 0 && node.getClientRects().length > 0;
      }
    );
    if (!focusable.length) { return; }
    var first = focusable[0];
    var last = focusable[focusable.length - 1];
    var inside = ui.panel.contains(document.activeElement);
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }

  function openPanel(focusInput) {
    ui.panel.hidden = false;
    // Under the open (on phones full-screen) panel the launcher is for the mouse
    // only: keyboard and screen reader users close with Escape or the × button.
    ui.launcher.setAttribute("tabindex", "-1");
    ui.launcher.setAttribute("aria-hidden", "true");
    ui.launcher.setAttribute("aria-expanded", "true");
    ui.launcher.textContent = TEXT.hide;
    state.open = true;
    saveState();
    if (!ui.log.childElementCount) {
      state.messages.forEach(function (message) { render(message, false); });
      keepAnchorInView();
    }
    connect();
    if (focusInput) { ui.input.focus(); }
  }

  function closePanel() {
    ui.panel.hidden = true;
    ui.launcher.removeAttribute("tabindex");
    ui.launcher.removeAttribute("aria-hidden");
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.textContent = TEXT.open;
    state.open = false;
    saveState();
    ui.launcher.focus();
  }

  function restartConversation() {
    state = newState(true);
    saveState();
    ui.log.textContent = "";
    scrollAnchor = null;
    pending = [];
    if (joined) {
      joined = false;
      requestSession();
    }
    ui.input.focus();
  }

  function loadSocketIo(callback) {
    if (window.io) { return callback(); }
    var tag = element("script", { src: base + "vendor/socket.io.min.js" });
    tag.onload = callback;
    tag.onerror = function () { showStatus(TEXT.offline); };
    document.head.appendChild(tag);
  }

  function connect() {
    if (socket) { return; }
    showStatus(TEXT.connecting);
    socket = {};  // connecting
    loadSocketIo(function () {
      socket = window.io(config.serverUrl, { transports: ["websocket", "polling"] });
      socket.on("connect", requestSession);
      socket.on("connect_error", function () { showStatus(TEXT.offline); });
      socket.on("disconnect", function () { joined = false; showStatus(TEXT.offline); });
      socket.on("session_confirm", onSessionConfirm);
      socket.on("bot_uttered", onBotMessage);
      socket.on("conversation_erased", onErased);
    });
  }

  function requestSession() {
    socket.emit("session_request", { session_id: state.sessionId });
  }

  function onSessionConfirm(sessionId) {
    showStatus("");
    joined = true;
    if (state.sessionId === null) {  // the server's token for a new conversation
      state.sessionId = sessionId;
      state.erased = false;
      saveState();
    } else if (sessionId !== state.sessionId) {  // refused or idle too long: start anew
      state = newState(true);
      state.sessionId = sessionId;
      ui.log.textContent = "";
      pending = [];
      saveState();
    }
    if (!state.messages.length && !state.started) {
      state.started = true;
      saveState();
      setTyping(true);  // the welcome is on its way (bot/channels/webchat.py)
      socket.emit("conversation_start", { session_id: state.sessionId });
    }
    pending.splice(0).forEach(emitMessage);
  }

  function sendMessage(text, shownAs) {
    var message = { from: "user", text: shownAs };
    state.messages.push(message);
    saveState();
    render(message, true);
    emitMessage(text);
  }

  function emitMessage(text) {
    setTyping(true);
    if (!joined) {
      pending.push(text);
      return;
    }
    socket.emit("user_uttered", { message: text, session_id: state.sessionId });
  }

  // The conversation was erased: the bot's "alles is gewist" stays on screen,
  // the browser keeps nothing, and the next message starts a new session.
  function onErased() {
    forgetStored();
    // On screen too: only the bot's answer to the erasure stays.
    var users = ui.log.querySelectorAll(".vw-from-user");
    var last = users[users.length - 1];
    while (last && ui.log.firstChild) {
      var node = ui.log.firstChild;
      ui.log.removeChild(node);
      if (node === last) { break; }
    }
    scrollAnchor = null;
    state = newState(true);
    state.started = true;  // the bot has already said what happens next
    state.erased = true;
    joined = false;
    requestSession();
  }

  function onBotMessage(payload) {
    if (!firstBotMessageMarked && window.performance && performance.mark) {
      firstBotMessageMarked = true;
      performance.mark("vraagwijzer:first-bot-message");
    }
    setTyping(false);
    if (payload.type === "pps_options" && Array.isArray(payload.options)) {
      return onOptionCards(payload);
    }
    var buttons = (payload.quick_replies || payload.buttons || []).map(function (button) {
      return { title: String(button.title), payload: String(button.payload) };
    });
    var message = { from: "bot", text: payload.text ? String(payload.text) : "", buttons: buttons };
    if (!message.text && !buttons.length) { return; }  // attachments are not used
    if (!state.erased) {
      state.messages.push(message);
      saveState();
    }
    render(message, true);
  }

  // {"type": "pps_options", "replaces": n, "options": [...]} (actions/option_cards.py).
  // The same options arrived just before as n plain-text messages (for clients
  // without cards): those bubbles are replaced by the cards. Instead of
  // "replaces", "text" names the replaced text itself.
  function onOptionCards(payload) {
    var options = payload.options.filter(function (option) {
      return option && option.id && option.title;
    }).map(function (option) {
      var card = {};
      ["id", "title", "summary", "reason", "effort", "cost", "details", "example"]
        .forEach(function (key) { card[key] = option[key] ? String(option[key]) : ""; });
      return card;
    });
    if (!options.length) { return; }
    if (typeof payload.replaces === "number") {
      dropLastTextMessages(payload.replaces);
    } else if (payload.text) {
      dropTextVersion(String(payload.text));
    }
    var message = { from: "bot", text: "", cards: options };
    state.messages.push(message);
    saveState();
    render(message, true);
  }

  function dropLastTextMessages(count) {
    var start = state.messages.length - count;
    if (count < 1 || start < 0) { return; }
    var plain = state.messages.slice(start).every(function (message) {
      return message.from === "bot" && !message.cards && !(message.buttons || []).length;
    });
    if (!plain) { return; }
    state.messages.splice(start, count);
    for (var i = 0; i < count; i += 1) { ui.log.removeChild(ui.log.lastElementChild); }
  }

  function dropTextVersion(text) {
    var wanted = text.trim();
    var joined = "";
    for (var count = 1; count <= state.messages.length; count += 1) {
      var message = state.messages[state.messages.length - count];
      if (message.from !== "bot" || message.cards || (message.buttons || []).length) { return; }
      joined = joined ? message.text + "\n\n" + joined : message.text;
      if (joined.trim() === wanted) {
        state.messages.splice(state.messages.length - count, count);
        for (var i = 0; i < count; i += 1) { ui.log.removeChild(ui.log.lastElementChild); }
        return;
      }
    }
  }

  function renderCards(bubble, cards) {
    var list = element("ul", { class: "vw-cards", "aria-label": TEXT.options });
    cards.forEach(function (card) {
      var item = element("li", { class: "vw-card" });
      item.appendChild(element("h3", { class: "vw-card-title", text: card.title }));
      if (card.summary) { item.appendChild(element("p", { class: "vw-card-summary", text: card.summary })); }
      if (card.reason) {
        item.appendChild(element("p", { class: "vw-card-reason" }, [
          element("strong", { text: TEXT.why }), document.createTextNode(card.reason),
        ]));
      }
      var effort = [card.effort, card.cost].filter(Boolean).join("; ");
      if (effort) {
        item.appendChild(element("p", { class: "vw-card-effort" }, [
          element("strong", { text: TEXT.effort }), document.createTextNode(effort),
        ]));
      }
      if (card.details || card.example) {
        var more = element("details", { class: "vw-card-more" }, [
          element("summary", { text: TEXT.more }),
        ]);
        if (card.details) {
          var details = element("p");
          appendRichText(details, card.details);
          more.appendChild(details);
        }
        if (card.example) {
          var example = element("p", {}, [element("strong", { text: TEXT.example })]);
          appendRichText(example, card.example);
          more.appendChild(example);
        }
        item.appendChild(more);
      }
      var choose = element("button", {
        type: "button", class: "vw-choice vw-card-choose", text: TEXT.choose,
        "aria-label": TEXT.choose + ": " + card.title,
      });
      choose.addEventListener("click", function () {
        sendMessage(card.id, card.title);
        ui.input.focus();
      });
      item.appendChild(choose);
      list.appendChild(item);
    });
    bubble.appendChild(list);
  }

  function render(message, announce) {
    if (message.from === "user") {
      disableChoices();
      scrollAnchor = null;
    }
    var bubble = element("div", { class: "vw-message vw-from-" + message.from });
    bubble.appendChild(element("span", {
      class: "vw-visually-hidden", text: (message.from === "bot" ? TEXT.bot : TEXT.you) + ": ",
    }));
    appendRichText(bubble, message.text);
    if (message.buttons && message.buttons.length) {
      var group = element("div", { class: "vw-choices", role: "group", "aria-label": TEXT.choices });
      message.buttons.forEach(function (button) {
        var choice = element("button", { type: "button", class: "vw-choice", text: button.title });
        choice.addEventListener("click", function () {
          sendMessage(button.payload, button.title);
          ui.input.focus();
        });
        group.appendChild(choice);
      });
      bubble.appendChild(group);
    }
    if (message.cards) {
      bubble.classList.add("vw-has-cards");
      renderCards(bubble, message.cards);
    }
    ui.log.appendChild(bubble);
    if (message.from === "user") {
      scrollAnchor = bubble;
    } else if (message.cards) {
      scrollAnchor = bubble.querySelector(".vw-card");
    } else if (!scrollAnchor || scrollAnchor.classList.contains("vw-from-user")) {
      scrollAnchor = bubble;  // the first bot message of this turn
    }
    if (announce) { keepAnchorInView(); }
  }

  // Text nodes, <br> and <a> only: bot text can never become markup.
  function appendRichText(parent, text) {
    text.split("\n").forEach(function (line, index) {
      if (index > 0) { parent.appendChild(document.createElement("br")); }
      var last = 0;
      line.replace(URL_PATTERN, function (match, _group, offset) {
        parent.appendChild(document.createTextNode(line.slice(last, offset)));
        var isEmail = match.indexOf("://") < 0;
        parent.appendChild(element("a", {
          href: isEmail ? "mailto:" + match : match, target: "_blank", rel: "noopener noreferrer",
          text: match,
        }));
        last = offset + match.length;
        return match;
      });
      parent.appendChild(document.createTextNode(line.slice(last)));
    });
  }

  // Choices the user has answered (by clicking or typing) can no longer be clicked.
  function disableChoices() {
    Array.prototype.forEach.call(ui.log.querySelectorAll(".vw-choice"), function (button) {
      button.disabled = true;
    });
  }

  function setTyping(on) {
    clearTimeout(typingTimer);
    ui.typing.textContent = "";
    if (on) {
      ui.typing.appendChild(element("span", { class: "vw-visually-hidden", text: TEXT.typing }));
      for (var dot = 0; dot < 3; dot += 1) {
        ui.typing.appendChild(element("span", { class: "vw-dot", "aria-hidden": "true" }));
      }
      typingTimer = setTimeout(function () { ui.typing.textContent = ""; }, TYPING_TIMEOUT_MS);
    }
  }

  function showStatus(text) {
    ui.status.textContent = text;
    ui.status.hidden = !text;
  }

  // Scrolls down as far as the anchor stays at the top: the user reads an
  // answer from its start, never from its last line.
  function keepAnchorInView() {
    var end = ui.log.scrollHeight - ui.log.clientHeight;
    if (!scrollAnchor || !ui.log.contains(scrollAnchor)) {
      ui.log.scrollTop = end;
      return;
    }
    var top = scrollAnchor.getBoundingClientRect().top - ui.log.getBoundingClientRect().top +
      ui.log.scrollTop - 8;
    ui.log.scrollTop = Math.max(0, Math.min(end, top));
  }
})();
