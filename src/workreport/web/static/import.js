// Uploads files one by one to /api/import with a progress bar each (falls back to the plain form without JS).
(function () {
  var form = document.getElementById("import-form");
  if (!form || !window.XMLHttpRequest) return;
  var list = document.getElementById("progress");
  function row(name) {
    var li = document.createElement("li");
    var label = document.createElement("span"); label.textContent = name;
    var bar = document.createElement("progress"); bar.max = 100; bar.value = 0;
    var status = document.createElement("span"); status.textContent = "等待上传";
    li.append(label, bar, status); list.appendChild(li);
    return { bar: bar, status: status };
  }
  var tally = { ok: 0, failed: 0 };
  function send(file, ui, token) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      var fd = new FormData(); fd.append("files", file, file.name);
      xhr.open("POST", "/api/import");
      if (token) xhr.setRequestHeader("X-Workreport-Token", token);
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) { ui.bar.value = Math.round(e.loaded * 90 / e.total); ui.status.textContent = "上传中 " + ui.bar.value + "%"; }
      };
      xhr.upload.onload = function () { ui.status.textContent = "解析入库中…"; };
      xhr.onload = function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = { ok: false, error: xhr.statusText }; }
        var f = (body.ok && body.files && body.files[0]) || {};
        var failures = f.failures || [];
        if (body.ok && !failures.length) {
          tally.ok += 1;
          ui.bar.value = 100;
          var dup = (f.duplicates || [])[0];
          ui.status.textContent = dup
            ? "未另存：与已入库的 " + dup.document + (dup.similarity >= 1 ? " 同文" : " 近似（相似度 " + dup.similarity.toFixed(2) + "）")
            : "完成：新文档 " + (f.documents_new || 0) + "，报告 " + (f.reports || 0) + "，指标 " + (f.indicators || 0);
        } else {
          tally.failed += 1;
          ui.status.textContent = "未导入：" + (body.ok ? failures[0].error : body.error);
          ui.status.className = "err-msg";
        }
        resolve();
      };
      xhr.onerror = function () { tally.failed += 1; ui.status.textContent = "网络错误"; ui.status.className = "err-msg"; resolve(); };
      xhr.send(fd);
    });
  }
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var files = Array.prototype.slice.call(document.getElementById("files").files);
    var tokenEl = document.getElementById("token");
    var token = tokenEl ? tokenEl.value : "";
    list.textContent = "";
    tally.ok = 0; tally.failed = 0;
    var uis = files.map(function (f) { return row(f.name); });
    files.reduce(function (p, f, i) { return p.then(function () { return send(f, uis[i], token); }); }, Promise.resolve())
      .then(function () {
        // "all done" only when every file went in; a refused file is said plainly
        var done = document.createElement("li"); done.id = "import-summary";
        if (tally.failed) {
          done.className = "err-msg";
          done.textContent = (tally.ok ? "导入 " + tally.ok + " 个，" : "") + tally.failed + " 个未能导入（原因见上）。";
        }
        if (tally.ok) {
          var a = document.createElement("a"); a.href = "/";
          a.textContent = tally.failed ? "去报告库查看已导入的" : "全部完成，去报告库查看";
          done.appendChild(a);
        }
        list.appendChild(done);
      });
  });
})();
