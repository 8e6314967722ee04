// reportlint 网页版：选文稿、上传检查、就地标出问题。没有框架，不用外部资源；文稿内容只经 textContent 写入页面。
"use strict";
(function () {
  const ACCEPTED = [".docx", ".txt", ".md", ".markdown"];
  const OLD_WORD = [".doc", ".wps", ".wpt", ".dot", ".rtf"];
  const RANK = { error: 3, warning: 2, info: 1 };
  const MB = 1024 * 1024;
  const state = { files: [], limits: { files: 20, file_bytes: 20 * MB, total_bytes: 40 * MB }, result: null, current: 0 };
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child);
    }
    return node;
  }

  fetch("/api/limits").then((r) => (r.ok ? r.json() : null)).then((limits) => { if (limits) state.limits = limits; }).catch(() => {});

  // ---- 选文稿 ----
  function suffixOf(name) {
    const dot = name.lastIndexOf(".");
    return dot < 0 ? "" : name.slice(dot).toLowerCase();
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message || "";
    box.hidden = !message;
  }

  function addFiles(list) {
    const refused = [];
    for (const file of list) {
      const suffix = suffixOf(file.name);
      if (OLD_WORD.includes(suffix)) { refused.push(`“${file.name}”是旧版 Word/WPS 格式：请先“另存为”.docx。`); continue; }
      if (!ACCEPTED.includes(suffix)) { refused.push(`“${file.name}”不是支持的格式（.docx、.txt、.md）。`); continue; }
      if (file.size > state.limits.file_bytes) {
        refused.push(`“${file.name}”超过单份文稿 ${Math.floor(state.limits.file_bytes / MB)} MB 的上限。`);
        continue;
      }
      if (state.files.some((f) => f.name === file.name && f.size === file.size)) continue;
      state.files.push(file);
    }
    if (state.files.length > state.limits.files) {
      refused.push(`一次最多检查 ${state.limits.files} 份文稿，多出的没有加入。`);
      state.files.length = state.limits.files;
    }
    showError(refused.join(" "));
    renderFileList();
  }

  function renderFileList() {
    const list = $("file-list");
    list.replaceChildren();
    state.files.forEach((file, index) => {
      list.append(el("li", {}, file.name, el("button", {
        type: "button", title: "移除", "aria-label": `移除 ${file.name}`, text: "×",
        onclick: () => { state.files.splice(index, 1); renderFileList(); },
      })));
    });
  }

  const zone = $("drop-zone");
  ["dragenter", "dragover"].forEach((type) => zone.addEventListener(type, (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  }));
  ["dragleave", "drop"].forEach((type) => zone.addEventListener(type, () => zone.classList.remove("dragging")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) addFiles(event.dataTransfer.files);
  });
  // 拖到框外时不要让浏览器直接打开文件。
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => event.preventDefault());
  $("file-input").addEventListener("change", (event) => { addFiles(event.target.files); event.target.value = ""; });
  $("clear-button").addEventListener("click", () => {
    state.files = [];
    $("paste").value = "";
    renderFileList();
    showError("");
    $("results").hidden = true;
  });

  // ---- 上传检查 ----
  function toBase64(buffer) {
    const bytes = new Uint8Array(buffer);
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }

  async function check() {
    showError("");
    const pasted = $("paste").value;
    if (!state.files.length && !pasted.trim()) { showError("请先选择或拖入文稿，或者粘贴文字。"); return; }
    const total = state.files.reduce((sum, f) => sum + f.size, 0) + pasted.length * 3;
    if (total > state.limits.total_bytes) {
      showError(`上传的内容太大：一次最多 ${Math.floor(state.limits.total_bytes / MB)} MB，请减少文稿或分几次检查。`);
      return;
    }
    const button = $("check-button");
    button.disabled = true;
    $("status").textContent = "正在检查……";
    try {
      const drafts = [];
      for (const file of state.files) drafts.push({ name: file.name, data: toBase64(await file.arrayBuffer()) });
      if (pasted.trim()) drafts.push({ name: "粘贴的文字.txt", text: pasted });
      const response = await fetch("/api/lint", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ drafts }),
      });
      let data = null;
      try { data = await response.json(); } catch (e) { data = null; }
      if (!response.ok || !data || data.error) {
        showError((data && data.error) || `检查失败（${response.status}）：请稍后重试。`);
        return;
      }
      state.result = data;
      renderResult();
    } catch (error) {
      showError("无法连接 reportlint：请确认启动它的窗口没有关闭，然后刷新页面。");
    } finally {
      button.disabled = false;
      $("status").textContent = "";
    }
  }
  $("check-button").addEventListener("click", check);

  // ---- 结果 ----
  function countsText(counts) {
    return `错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}`;
  }
  function total(counts) { return counts.error + counts.warning + counts.info; }
  function worst(counts) { return counts.error ? "error" : counts.warning ? "warning" : counts.info ? "info" : "clean"; }

  function renderResult() {
    const result = state.result;
    const sum = total(result.counts);
    $("summary").textContent = sum
      ? `共检查 ${result.drafts.length} 份文稿，发现 ${sum} 处问题（${countsText(result.counts)}）。`
      : `共检查 ${result.drafts.length} 份文稿，没有发现问题。`;
    $("export-csv").href = `/api/batches/${result.batch}/findings.csv`;
    $("export-json").href = `/api/batches/${result.batch}/findings.json`;
    const problems = $("batch-problems");
    problems.replaceChildren(...result.problems.map((p) => el("li", { text: p })));
    problems.hidden = !result.problems.length;
    const tabs = $("tabs");
    tabs.replaceChildren(...result.drafts.map((draft, index) => el("button", {
      class: "draft-tab", role: "tab", type: "button", "data-draft": index, onclick: () => showDraft(index),
    }, draft.name, el("span", { class: `badge ${worst(draft.counts)}`, text: draft.problem ? "!" : String(total(draft.counts)) }))));
    $("results").hidden = false;
    showDraft(0);
  }

  function showDraft(index) {
    state.current = index;
    const draft = state.result.drafts[index];
    for (const tab of $("tabs").children) tab.setAttribute("aria-selected", String(Number(tab.dataset.draft) === index));
    renderToolbar(draft);
    renderDocument(draft);
    renderSide(draft);
  }

  function renderToolbar(draft) {
    const base = `/api/batches/${state.result.batch}/drafts/${draft.index}`;
    const items = [];
    if (draft.commented) {
      items.push(el("a", { id: "download-commented", class: "button primary-outline", href: `${base}/commented.docx`, download: true,
        text: "下载带批注的 Word 文档" }));
    }
    if (draft.fixable) {
      items.push(el("a", { id: "download-fixed", class: "button primary-outline", href: `${base}/fixed`, download: true,
        text: "下载自动修改后的文本" }));
    }
    if (!draft.problem) {
      items.push(el("span", { class: "counts", text: total(draft.counts) ? `本文稿 ${total(draft.counts)} 处问题（${countsText(draft.counts)}）` : "本文稿没有发现问题" }));
    }
    items.push(el("span", { class: "legend" }, el("span", { class: "error", text: "错误" }),
      el("span", { class: "warning", text: "警告" }), el("span", { class: "info", text: "提示" })));
    $("draft-toolbar").replaceChildren(...items);
  }

  // 每行（.docx 为每段）按字符（码位）切开，再按问题的起止位置分段加标记。
  function renderDocument(draft) {
    const doc = $("document");
    doc.replaceChildren();
    if (draft.problem) { doc.append(el("p", { class: "problem", text: draft.problem })); return; }
    const byLine = new Map();
    draft.findings.forEach((finding, i) => {
      const [startLine, startColumn] = finding.start;
      const [endLine, endColumn] = finding.end;
      for (let line = startLine; line <= endLine; line++) {
        const chars = Array.from(draft.lines[line - 1] || "");
        const s = line === startLine ? startColumn - 1 : 0;
        const e = line === endLine ? endColumn - 1 : chars.length;
        if (!byLine.has(line)) byLine.set(line, []);
        byLine.get(line).push({ s, e, i, severity: finding.severity });
      }
    });
    const fragment = document.createDocumentFragment();
    draft.lines.forEach((text, index) => {
      const number = index + 1;
      fragment.append(el("div", { class: "line", id: `line-${number}` },
        el("span", { class: "lineno", text: String(number) }),
        renderLine(text, byLine.get(number) || [])));
    });
    doc.append(fragment);
  }

  function renderLine(text, spans) {
    const node = el("span", { class: "text" });
    const chars = Array.from(text);
    const points = new Set([0, chars.length]);
    for (const span of spans) { points.add(span.s); points.add(span.e); }
    const cuts = [...points].filter((p) => p >= 0 && p <= chars.length).sort((a, b) => a - b);
    const carets = (at) => spans.filter((span) => span.s === span.e && span.s === at).forEach((span) => {
      node.append(el("span", { class: `caret ${span.severity}`, "data-findings": String(span.i), title: "此处缺少内容", onclick: onMarkClick }));
    });
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k], b = cuts[k + 1];
      carets(a);
      const piece = chars.slice(a, b).join("");
      const covering = spans.filter((span) => span.s < span.e && span.s <= a && span.e >= b);
      if (!covering.length) { node.append(piece); continue; }
      const severity = covering.reduce((top, span) => (RANK[span.severity] > RANK[top] ? span.severity : top), "info");
      node.append(el("mark", { class: `finding ${severity}`, "data-findings": covering.map((s) => s.i).join(" "), onclick: onMarkClick }, piece));
    }
    carets(chars.length);
    return node;
  }

  function onMarkClick(event) {
    const ids = event.currentTarget.dataset.findings.split(" ").map(Number);
    const current = document.querySelector(".finding-item.active");
    const now = current ? Number(current.dataset.finding) : -1;
    // 同一处有几个问题时，再次点击依次切换。
    const next = ids.includes(now) ? ids[(ids.indexOf(now) + 1) % ids.length] : ids[0];
    select(next, { scrollDocument: false });
  }

  function where(draft, finding) {
    return `第${finding.start[0]}${draft.unit}第${finding.start[1]}字`;
  }

  function renderSide(draft) {
    const side = $("side");
    side.replaceChildren();
    if (draft.problem) return;
    if (!draft.findings.length) { side.append(el("p", { class: "clean-note", text: "这份文稿没有发现问题。" })); return; }
    for (const family of state.result.families) {
      const members = draft.findings.map((finding, i) => [finding, i]).filter(([finding]) => finding.family === family.key);
      if (!members.length) continue;
      side.append(el("section", { class: "family", "data-family": family.key },
        el("h3", {}, family.label, el("span", { class: "count", text: `${members.length} 处` })),
        el("ul", {}, ...members.map(([finding, i]) => el("li", {}, findingItem(draft, finding, i))))));
    }
  }

  function findingItem(draft, finding, i) {
    const rule = state.result.rules[finding.code] || {};
    const detail = el("div", { class: "detail" });
    if (finding.fix) detail.append(el("div", { class: `fix${finding.fix.safe ? "" : " unsafe"}`, text: finding.fix.message + (finding.fix.safe ? "" : "（请核实）") }));
    for (const related of finding.related) {
      const other = state.result.drafts.find((d) => d.name === related.draft);
      const place = `${related.same ? "" : `《${related.draft}》`}第${related.start[0]}${other ? other.unit : "行"}`;
      detail.append(el("div", { class: "related", text: `另见${place}：${related.message}` }));
    }
    if (rule.summary) detail.append(el("div", { class: "rule-summary", text: `${finding.code}：${rule.summary}` }));
    if (rule.doc) detail.append(el("details", {}, el("summary", { text: "规则说明" }), el("pre", { text: rule.doc })));
    return el("div", {
      class: `finding-item ${finding.severity}`, role: "button", tabindex: "0", "data-finding": i,
      onclick: (event) => { if (!event.target.closest("details")) select(i, { scrollDocument: true }); },
      onkeydown: (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(i, { scrollDocument: true }); } },
    },
      el("div", { class: "item-head" },
        el("span", { class: `sev ${finding.severity}`, text: finding.severity_label }),
        el("span", { class: "code", text: finding.code }),
        el("span", { class: "where", text: where(draft, finding) })),
      el("div", { class: "message", text: finding.message }),
      detail);
  }

  function select(i, options) {
    document.querySelectorAll(".active").forEach((node) => node.classList.remove("active"));
    const marks = document.querySelectorAll(`#document [data-findings~="${i}"]`);
    marks.forEach((node) => {
      node.classList.remove("active");
      void node.offsetWidth; // 重新播放闪烁
      node.classList.add("active");
    });
    if (options.scrollDocument && marks.length) marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
    const item = document.querySelector(`#side .finding-item[data-finding="${i}"]`);
    if (item) {
      item.classList.add("active");
      if (!options.scrollDocument) item.scrollIntoView({ block: "nearest" });
    }
  }
})();
