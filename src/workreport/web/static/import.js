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
        if (body.ok) {
          var f = body.files[0] || {};
          ui.bar.value = 100;
          ui.status.textContent = "完成：新文档 " + (f.documents_new || 0) + "，报告 " + (f.reports || 0) + "，指标 " + (f.indicators || 0) +
            ((f.failures || []).length ? "；失败：" + f.failures[0].error : "");
        } else { ui.status.textContent = "失败：" + body.error; ui.status.className = "err-msg"; }
        resolve();
      };
      xhr.onerror = function () { ui.status.textContent = "网络错误"; ui.status.className = "err-msg"; resolve(); };
      xhr.send(fd);
    });
  }
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var files = Array.prototype.slice.call(document.getElementById("files").files);
    var tokenEl = document.getElementById("token");
    var token = tokenEl ? tokenEl.value : "";
    list.textContent = "";
    var uis = files.map(function (f) { return row(f.name); });
    files.reduce(function (p, f, i) { return p.then(function () { return send(f, uis[i], token); }); }, Promise.resolve())
      .then(function () { var done = document.createElement("li"); var a = document.createElement("a"); a.href = "/"; a.textContent = "全部完成，去报告库查看"; done.appendChild(a); list.appendChild(done); });
  });
})();
