// The chat page: sends the whole conversation to /v1/chat/completions and shows each reply with
// its section, its evidence paragraph (quote marked, answer span emphasized) and its citations.
// Server text only ever enters the page as text nodes, never as HTML.
"use strict";

(() => {
  const $ = (selector) => document.querySelector(selector);
  const form = $("#ask"), box = $("#question"), send = $("#send"), log = $("#log");
  const intro = $("#intro"), status = $("#status"), source = $("#source");
  const EDGE = 320; // characters of the paragraph shown on each side of the quote
  let history = []; // the user and assistant turns the server has answered
  // The server resolves follow-ups from the user turns; the assistant's long replies (with their
  // sources) only weigh on the request. Keep each reply's first line and the latest turns, so a
  // long conversation never outgrows the server's 64 KB body limit.
  const KEPT_TURNS = 40;
  let epoch = 0; // bumped by "New conversation", so a late reply to the old one is dropped
  let busy = false;

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    node.append(...children.filter((c) => c !== null && c !== undefined && c !== ""));
    return node;
  }

  const squash = (text) => text.trim().replace(/\s+/g, " ");
  // A numbered section by its number; an unnumbered (Markdown) one by its heading path.
  const section = (c) => (/^\d/.test(c.section) ? `§${c.section} ${c.title}`
    : (c.path && c.path.length ? c.path.join(" › ") : c.title));
  // Which document, when the index holds more than one (the review alone needs no name).
  let manyDocs = false;
  const where = (c) => (manyDocs && c.doc_title ? `${c.doc_title} · ${section(c)}` : section(c));
  const label = (c) => (c.label ? `${where(c)} · ${c.label}` : where(c));
  // What a reader sees: Markdown without its markup; the verbatim quote is in `quote`.
  const shown = (c) => c.display || c.quote;
  const sourceName = () => (manyDocs ? "the documents" : "the review");

  async function getJSON(url, init) {
    let response;
    try {
      response = await fetch(url, init);
    } catch {
      throw new Error("the server could not be reached");
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error(body?.error?.message || `the server answered ${response.status}`);
    return body;
  }

  function setBusy(value) {
    busy = value;
    send.disabled = value;
    log.setAttribute("aria-busy", String(value));
  }

  async function ask(text) {
    if (busy || !text.trim()) return box.focus();
    const mine = epoch;
    setBusy(true);
    intro.hidden = true;
    box.value = "";
    const turn = el("div", { class: "turn user" }, el("p", { class: "q", text }));
    const pending = el("div", { class: "turn reply pending", text: `Searching ${sourceName()}…` });
    log.append(turn, pending);
    turn.scrollIntoView({ block: "start" });
    status.textContent = `Searching ${sourceName()}…`;
    const messages = [...history.slice(-KEPT_TURNS), { role: "user", content: text }];
    let reply;
    try {
      const data = await getJSON("/v1/chat/completions", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ model: "sclc-qa", messages }),
      });
      reply = await renderAnswer(data.answer, text);
      if (mine !== epoch) return;
      const firstLine = data.choices[0].message.content.split("\n")[0];
      history = [...messages, { role: "assistant", content: firstLine }];
      status.textContent = data.answer.abstained
        ? `Not answered by ${sourceName()}: ${data.answer.reason || ""}`
        : `Answer from ${where(data.answer.citations[0])}: ${data.answer.display || data.answer.answer}`;
    } catch (error) {
      if (mine !== epoch) return;
      reply = el("div", { class: "turn reply failed", "data-testid": "error" },
        el("p", { class: "error" }, el("strong", { text: "Could not answer: " }), error.message));
      status.textContent = `Could not answer: ${error.message}`;
      if (!box.value) box.value = text; // let the user fix the question
    }
    pending.replaceWith(reply);
    setBusy(false);
    box.focus();
  }

  async function renderAnswer(answer, typed) {
    const card = el("article", { class: "turn reply", "data-testid": "reply" });
    if (squash(answer.question) !== squash(typed)) {
      card.append(el("p", { class: "resolved", "data-testid": "resolved" },
        "Answering: ", el("q", { text: answer.question })));
    }
    if (answer.abstained || answer.answer === null) {
      card.classList.add("abstention");
      card.append(el("p", { class: "abstained", "data-testid": "abstained" },
        el("strong", { text: `Not answered by ${sourceName()}.` }), " ",
        answer.reason || "No passage supports an answer."));
      if (answer.citations.length) {
        card.append(citationList(answer.citations, "Closest passages (not an answer)"));
      }
      return card;
    }
    const [first, ...rest] = answer.citations;
    card.append(
      el("p", { class: "answer", "data-testid": "answer", text: answer.display || answer.answer }),
      el("p", { class: "meta" },
        el("span", { class: "section", "data-testid": "section", text: label(first) }),
        el("span", { class: "confidence", "data-testid": "confidence",
          text: `Confidence ${Math.round(answer.confidence * 100)}%` })),
      await evidence(first, answer),
    );
    if (answer.alternatives && answer.alternatives.length) card.append(disagreement(answer));
    if (rest.length) {
      card.append(citationList(rest, `${rest.length} more citation${rest.length > 1 ? "s" : ""}`));
    }
    return card;
  }

  // Documents that give different figures for the same fact, side by side, each with its source.
  function disagreement(answer) {
    const first = answer.citations[0];
    const column = (figure, c) => el("section", { class: "source", "data-testid": "alternative" },
      el("p", { class: "figure", text: figure }),
      el("p", { class: "where", text: `${c.doc_title || c.doc} · ${section(c)}` }),
      el("q", { text: shown(c) }));
    return el("div", { class: "disagreement", role: "group", "aria-label": "Sources disagree" },
      el("p", { class: "note", "data-testid": "note", text: answer.note || "The sources disagree." }),
      el("div", { class: "sources" }, column(answer.display || answer.answer, first),
        ...answer.alternatives.map((a) => column(a.display, a.citation))));
  }

  // Markdown shown as a reader sees it: the quote's display text, the answer in <strong>.
  function displayEvidence(c, answer) {
    const text = shown(c), figure = answer.display || answer.answer || "";
    const at = figure ? text.indexOf(figure) : -1;
    const mark = el("mark", {});
    if (at >= 0) {
      mark.append(text.slice(0, at), el("strong", { text: figure }), text.slice(at + figure.length));
    } else {
      mark.textContent = text;
    }
    return el("figure", { class: "evidence", "data-testid": "evidence" },
      el("blockquote", { class: "paragraph", tabindex: "-1" }, mark),
      el("figcaption", {}, `From ${where(c)}, characters ${c.start}–${c.end} (shown without markup)`));
  }

  // The paragraph around the first citation, the quote in <mark>, the answer span in <strong>.
  async function evidence(c, answer) {
    if (c.display && c.display !== squash(c.quote)) return displayEvidence(c, answer);
    let text = c.quote, offset = c.start, matched = null;
    try {
      const query = `start=${c.start}&end=${c.end}`;
      const ctx = await getJSON(`/documents/${encodeURIComponent(c.doc)}/context?${query}`);
      matched = ctx.text.slice(c.start - ctx.start, c.end - ctx.start) === c.quote;
      if (matched) [text, offset] = [ctx.text, ctx.start];
    } catch {
      // no paragraph: show the quote alone
    }
    const body = el("blockquote", { class: "paragraph", tabindex: "-1" });
    const more = el("button", { type: "button", class: "link", text: "Show the whole paragraph" });
    const draw = (whole) => {
      let before = text.slice(0, c.start - offset), after = text.slice(c.end - offset);
      const cut = !whole && (before.length > EDGE || after.length > EDGE);
      if (cut && before.length > EDGE) {
        before = "… " + before.slice(before.indexOf(" ", before.length - EDGE) + 1);
      }
      if (cut && after.length > EDGE) {
        const space = after.lastIndexOf(" ", EDGE);
        after = after.slice(0, space > 0 ? space : EDGE) + " …";
      }
      const mark = el("mark", {});
      const [from, to] = [answer.start - c.start, answer.end - c.start];
      if (answer.start !== null && from >= 0 && to <= c.quote.length && from < to) {
        mark.append(c.quote.slice(0, from), el("strong", { text: c.quote.slice(from, to) }),
          c.quote.slice(to));
      } else {
        mark.textContent = c.quote;
      }
      body.replaceChildren(before, mark, after);
      return cut;
    };
    const trimmed = draw(false);
    more.addEventListener("click", () => {
      draw(true);
      more.remove();
      body.focus();
    });
    const note = matched === false ? " · does not match the paragraph text!" : "";
    return el("figure", { class: "evidence", "data-testid": "evidence" }, body,
      el("figcaption", {}, `Verbatim from ${where(c)}, characters ${c.start}–${c.end}${note}`,
        trimmed ? " · " : "", trimmed ? more : ""));
  }

  function citationList(citations, summary) {
    return el("details", { class: "citations" }, el("summary", { text: summary }),
      el("ul", {}, ...citations.map((c) =>
        el("li", {}, el("span", { class: "where", text: label(c) }), " ", el("q", { text: shown(c) })))));
  }

  async function showSource(tries = 0) {
    try {
      const docs = await getJSON("/documents");
      manyDocs = docs.length > 1;
      source.replaceChildren(...docs.map((d) => el("span", { class: "doc" }, "Source: ",
        d.authors ? `${d.authors} ` : "", el("cite", { text: d.title }), ". ",
        d.journal ? `${d.journal}${d.year ? ` ${d.year}` : ""}${d.volume ? `;${d.volume}` : ""}` +
          `${d.article_number ? `:${d.article_number}` : ""}. ` : "",
        d.publisher && !d.journal ? `${d.publisher}. ` : "",
        d.doi ? el("a", { href: `https://doi.org/${d.doi}`, "data-testid": "doi",
          text: `doi:${d.doi}` }) : d.url ? el("a", { href: d.url, text: d.url }) : "")));
    } catch (error) {
      if (tries < 20) setTimeout(() => showSource(tries + 1), 1000);
      else source.textContent = `Source details unavailable: ${error.message}`;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask(box.value);
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask(box.value);
    }
  });
  for (const button of document.querySelectorAll(".example")) {
    button.addEventListener("click", () => ask(button.textContent));
  }
  $("#new").addEventListener("click", () => {
    epoch += 1;
    history = [];
    log.replaceChildren();
    intro.hidden = false;
    box.value = "";
    setBusy(false);
    status.textContent = "New conversation started.";
    box.focus();
  });
  showSource();
  box.focus();
})();
