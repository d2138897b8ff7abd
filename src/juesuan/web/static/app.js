// juesuan web pages: upload progress, finding filters, jumping to a finding. Our own code (MIT, like the
// project); every page works without it.
"use strict";

function uploadWithProgress() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const drop = document.getElementById("drop");
  const input = document.getElementById("files");
  ["dragenter", "dragover"].forEach((name) => drop.addEventListener(name, (event) => {
    event.preventDefault();
    drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((name) => drop.addEventListener(name, (event) => {
    event.preventDefault();
    drop.classList.remove("over");
  }));
  drop.addEventListener("drop", (event) => {
    if (event.dataTransfer && event.dataTransfer.files.length) input.files = event.dataTransfer.files;
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const progress = document.getElementById("progress");
    const fill = document.getElementById("bar-fill");
    const text = document.getElementById("progress-text");
    const list = document.getElementById("job-list");
    progress.hidden = false;
    list.textContent = "";
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) {
        fill.style.width = `${Math.round((e.loaded / e.total) * 100)}%`;
        text.textContent = `正在上传：${Math.round((e.loaded / e.total) * 100)}%`;
      }
    });
    request.addEventListener("load", () => {
      let answer = null;
      try { answer = JSON.parse(request.responseText); } catch (err) { answer = null; }
      if (request.status !== 200 || !answer) {
        text.textContent = (answer && answer.detail) || `上传失败（${request.status}）`;
        return;
      }
      fill.style.width = "100%";
      answer.refused.forEach((r) => addItem(list, `${r.file}：未接收，${r.reason}`, "refused"));
      follow(answer.jobs, list, text);
    });
    request.addEventListener("error", () => { text.textContent = "上传失败：无法连接服务器"; });
    request.send(new FormData(form));
  });
}

function addItem(list, words, state, link) {
  const item = document.createElement("li");
  item.className = `job ${state}`;
  item.textContent = words;
  if (link) {
    const a = document.createElement("a");
    a.href = link;
    a.textContent = " 查看检查结果";
    item.appendChild(a);
  }
  list.appendChild(item);
  return item;
}

function follow(jobs, list, text) {
  const pending = new Map(jobs.map((job) => [job.id, addItem(list, `${job.file}：${job.label}`, job.state)]));
  const total = jobs.length;
  const count = () => { text.textContent = `已完成 ${total - pending.size} / ${total}`; };
  const poll = () => {
    const ids = Array.from(pending.keys());
    count();
    if (!ids.length) return;
    Promise.all(ids.map((id) => fetch(`/api/jobs/${id}`).then((r) => r.json()))).then((states) => {
      states.forEach((job) => {
        const item = pending.get(job.id);
        if (!item) return;
        item.className = `job ${job.state}`;
        item.textContent = `${job.file}：${job.label}${job.reason ? "，" + job.reason : ""}`;
        if (job.report_id) {
          const a = document.createElement("a");
          a.href = `/reports/${job.report_id}`;
          a.textContent = " 查看检查结果";
          item.appendChild(a);
        }
        if (["done", "unreadable", "failed"].includes(job.state)) pending.delete(job.id);
      });
      count();
      if (pending.size) setTimeout(poll, 500);
    }).catch(() => setTimeout(poll, 2000));
  };
  poll();
}

function findingFilters() {
  const boxes = Array.from(document.querySelectorAll(".severity-filter"));
  const rule = document.getElementById("rule-filter");
  if (!boxes.length) return;
  const apply = () => {
    const shown = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
    const wanted = rule.value;
    document.querySelectorAll(".finding-list .finding").forEach((item) => {
      const visible = shown.has(item.dataset.severity) && (!wanted || item.dataset.rule === wanted);
      item.classList.toggle("hidden", !visible);
      const mark = document.getElementById(item.id.replace("item-", "f"));
      if (mark) mark.classList.toggle("off", !visible);
    });
  };
  boxes.forEach((b) => b.addEventListener("change", apply));
  rule.addEventListener("change", apply);
}

function jumpToFinding() {
  document.querySelectorAll("a.jump").forEach((link) => link.addEventListener("click", (event) => {
    const mark = document.getElementById(link.dataset.mark);
    if (!mark) return;
    event.preventDefault();
    document.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
    document.querySelectorAll(".finding.selected").forEach((m) => m.classList.remove("selected"));
    mark.classList.add("current");
    link.closest(".finding").classList.add("selected");
    mark.scrollIntoView({ block: "center" });
    history.replaceState(null, "", `#${link.dataset.mark}`);
  }));
}

document.addEventListener("DOMContentLoaded", () => {
  uploadWithProgress();
  findingFilters();
  jumpToFinding();
});
