/* HTML output: one self-contained page for a clerk (no script, no external
 * resource, prints well). The page is also well-formed XML, which the tests
 * use to prove that overlapping highlights nest correctly. */
#include "doc.h"
#include "out_util.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

static const char *const css[] = {
    ":root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--paper:#fff;"
    "--err:#b42318;--err-bg:#fde8e6;--warn:#8a5a00;--warn-bg:#fff1c7;--info:#1d5fb8;--info-bg:#e4eefc}\n",
    "*{box-sizing:border-box}\n",
    "html{background:var(--bg);color:var(--ink)}\n",
    "body{margin:0;font:15px/1.55 \"Segoe UI\",\"Noto Sans\",\"Helvetica Neue\",Arial,\"Liberation Sans\","
    "\"DejaVu Sans\",sans-serif}\n",
    ".wrap{max-width:1100px;margin:0 auto;padding:24px 28px 48px}\n",
    "h1{font-size:26px;margin:0 0 4px}\n",
    "h2{font-size:20px;margin:0;word-break:break-all}\n",
    "h3{font-size:16px;margin:24px 0 8px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}\n",
    "h4{font-size:16px;margin:18px 0 6px}\n",
    "a{color:inherit}\n",
    ".meta{color:var(--muted);margin:0 0 16px}\n",
    ".summary{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:20px 24px;"
    "margin-bottom:24px}\n",
    ".counts{display:flex;flex-wrap:wrap;gap:12px;list-style:none;margin:0 0 16px;padding:0}\n",
    ".counts li{border:1px solid var(--line);border-radius:8px;padding:8px 16px;min-width:120px;background:#fff}\n",
    ".counts b{display:block;font-size:26px;line-height:1.2}\n",
    ".counts .sev-error{background:var(--err-bg);border-color:#f4b8b1;color:var(--err)}\n",
    ".counts .sev-warning{background:var(--warn-bg);border-color:#eed48a;color:var(--warn)}\n",
    ".counts .sev-info{background:var(--info-bg);border-color:#b5cdf3;color:var(--info)}\n",
    ".counts .failed{background:#2d333b;color:#fff;border-color:#2d333b}\n",
    "table.files{border-collapse:collapse;width:100%;font-size:14px}\n",
    "table.files th,table.files td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left}\n",
    "table.files td.n{text-align:right;font-variant-numeric:tabular-nums}\n",
    ".alert{border-left:4px solid var(--err);background:var(--err-bg);padding:10px 14px;border-radius:6px;"
    "margin:12px 0}\n",
    ".file{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:20px 24px;"
    "margin-bottom:28px}\n",
    ".file-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:10px}\n",
    ".fmt{font-size:12px;border:1px solid var(--line);border-radius:4px;padding:1px 6px;color:var(--muted)}\n",
    ".doc{font:16px/1.7 \"Times New Roman\",\"Liberation Serif\",\"Noto Serif\",\"DejaVu Serif\",serif;"
    "border:1px solid var(--line);border-radius:8px;padding:16px 20px 16px 8px;background:#fffefa}\n",
    ".para{display:flex;gap:12px;margin:0 0 6px}\n",
    ".pn{flex:0 0 44px;text-align:right;color:#8c959f;font:12px/2.2 \"Segoe UI\",Arial,sans-serif;"
    "user-select:none}\n",
    ".t{flex:1;white-space:pre-wrap;overflow-wrap:anywhere}\n",
    ".para.h .t{font-weight:bold}\n",
    ".para.c .t{text-align:center}\n",
    ".para.r .t{text-align:right}\n",
    ".para.part .t{color:var(--muted);font-size:14px}\n",
    ".label{font-weight:bold;margin-right:.3em}\n",
    "table.doc-table{border-collapse:collapse;margin:6px 0 12px 56px;font-size:15px}\n",
    "table.doc-table td{border:1px solid #9aa4ae;padding:2px 8px;vertical-align:top}\n",
    "table.doc-table .para{margin:0}\n",
    "table.doc-table .pn{display:none}\n",
    "mark{color:inherit;border-radius:3px;padding:0 1px;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n",
    "mark.sev-error{background:var(--err-bg);border-bottom:2px solid var(--err)}\n",
    "mark.sev-warning{background:var(--warn-bg);border-bottom:2px solid #c58a00}\n",
    "mark.sev-info{background:var(--info-bg);border-bottom:2px dotted var(--info)}\n",
    "mark mark{padding:0;border-bottom-style:double;border-bottom-width:4px}\n",
    "mark.caret{background:none;border:0;padding:0}\n",
    "mark.caret::before{content:\"\\2038\";font-weight:bold;color:var(--err)}\n",
    "mark:target{outline:2px solid var(--ink)}\n",
    "sup.fn{font:bold 10px/1 \"Segoe UI\",Arial,sans-serif;margin:0 1px}\n",
    "sup.fn a{text-decoration:none;border-radius:8px;padding:1px 4px;color:#fff;background:var(--muted)}\n",
    "sup.fn.sev-error a{background:var(--err)}\n",
    "sup.fn.sev-warning a{background:var(--warn)}\n",
    "sup.fn.sev-info a{background:var(--info)}\n",
    ".general{margin:0 0 12px;color:var(--muted);font-size:14px}\n",
    ".pack{margin-top:12px}\n",
    ".pack h4 .count{color:var(--muted);font-weight:normal}\n",
    ".rule{border:1px solid var(--line);border-radius:8px;margin:0 0 12px;overflow:hidden}\n",
    ".rule-head{background:var(--bg);padding:8px 14px;border-bottom:1px solid var(--line)}\n",
    ".rule-head code{font-size:13px;color:var(--muted)}\n",
    ".rule-head p{margin:4px 0 0}\n",
    ".basis{color:var(--muted);font-size:14px}\n",
    "ol.findings{list-style:none;margin:0;padding:0}\n",
    ".finding{padding:10px 14px;border-top:1px solid var(--line);break-inside:avoid}\n",
    ".finding:first-child{border-top:0}\n",
    ".finding:target{background:#fffbdd}\n",
    ".fhead{display:flex;flex-wrap:wrap;gap:8px;align-items:center;font-size:13px;color:var(--muted)}\n",
    ".num{display:inline-block;min-width:26px;text-align:center;border-radius:12px;padding:1px 7px;"
    "color:#fff;background:var(--muted);font-weight:bold;text-decoration:none}\n",
    ".sev-error .num{background:var(--err)}\n",
    ".sev-warning .num{background:var(--warn)}\n",
    ".sev-info .num{background:var(--info)}\n",
    ".badge{border-radius:4px;padding:0 6px;font-weight:600}\n",
    ".badge.sev-error{background:var(--err-bg);color:var(--err)}\n",
    ".badge.sev-warning{background:var(--warn-bg);color:var(--warn)}\n",
    ".badge.sev-info{background:var(--info-bg);color:var(--info)}\n",
    ".msg{margin:6px 0 4px;font-size:15.5px}\n",
    ".excerpt{margin:4px 0;padding:4px 10px;border-left:3px solid var(--line);white-space:pre-wrap;"
    "font-family:\"Times New Roman\",\"Liberation Serif\",serif;background:var(--bg)}\n",
    ".excerpt .hl{font-weight:normal;border-radius:2px;padding:0 1px}\n",
    ".hl.sev-error{background:var(--err-bg);border-bottom:2px solid var(--err)}\n",
    ".hl.sev-warning{background:var(--warn-bg);border-bottom:2px solid #c58a00}\n",
    ".hl.sev-info{background:var(--info-bg);border-bottom:2px dotted var(--info)}\n",
    ".hl.caret{background:none;border:0}\n",
    ".hl.caret::before{content:\"\\2038\";font-weight:bold;color:var(--err)}\n",
    ".sugg{margin:4px 0 0}\n",
    ".sugg b{background:#dafbe1;color:#116329;padding:0 4px;border-radius:3px;white-space:pre-wrap}\n",
    ".clean{color:#116329;font-weight:600}\n",
    "footer{color:var(--muted);font-size:13px;text-align:center;margin-top:24px}\n",
    "@media print{html,body{background:#fff}body{font-size:11pt}.wrap{max-width:none;padding:0}"
    ".summary,.file{border:0;padding:0;border-radius:0}.file{break-before:page}"
    ".doc{border:0;padding:0}a{text-decoration:none}h3{margin-top:14pt}"
    ".rule{break-inside:auto}.finding:target,mark:target{outline:0;background:inherit}}\n",
    NULL};

typedef struct html_ctx {
  out_buf b;
  FILE *f;
  int err;
  size_t file; /* index of the file being written */
} html_ctx;

static void flush(html_ctx *c, int force) {
  if (c->b.oom) c->err = RS_ENOMEM;
  if (c->err || !c->b.len || (!force && c->b.len < (1u << 16))) return;
  if (fwrite(c->b.s, 1, c->b.len, c->f) != c->b.len) c->err = RS_EIO;
  c->b.len = 0;
}

static void put(html_ctx *c, const char *s) { out_buf_puts(&c->b, s); }

/* Escaped text: invalid UTF-8 and characters XML forbids become U+FFFD. */
static void escn(html_ctx *c, const char *s, size_t n) {
  if (!s) return;
  const unsigned char *u = (const unsigned char *)s;
  size_t run = 0; /* start of the pending run of plain bytes */
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int l = rs_utf8_decode(u + i, n - i, &cp);
    const char *rep = NULL;
    if (l < 0 || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF)
      rep = "\xEF\xBF\xBD";
    else if (cp == '&') rep = "&amp;";
    else if (cp == '<') rep = "&lt;";
    else if (cp == '>') rep = "&gt;";
    else if (cp == '"') rep = "&quot;";
    else if (cp == '\'') rep = "&#39;";
    else if (cp == '\r') rep = "";
    size_t adv = l < 0 ? 1 : (size_t)l;
    if (rep) {
      out_buf_add(&c->b, s + run, i - run);
      out_buf_puts(&c->b, rep);
      run = i + adv;
    }
    i += adv;
  }
  out_buf_add(&c->b, s + run, n - run);
}

static void esc(html_ctx *c, const char *s) {
  if (s) escn(c, s, strlen(s));
}

static const char *sev_class(rs_severity s) {
  switch (s) {
  case RS_SEV_ERROR: return "sev-error";
  case RS_SEV_WARNING: return "sev-warning";
  case RS_SEV_INFO: return "sev-info";
  default: return "sev-off";
  }
}

/* ---- per-file finding data ---- */

typedef struct hspan {
  size_t para;     /* 0-based paragraph of the highlight */
  size_t s, e;     /* byte range in the paragraph text */
  size_t num;      /* finding number in the page */
  const rs_diag *g;
  int located;
} hspan;

static int span_by_para(const void *a, const void *b) {
  const hspan *x = a, *y = b;
  if (x->para != y->para) return x->para < y->para ? -1 : 1;
  if (x->s != y->s) return x->s < y->s ? -1 : 1;
  return x->num < y->num ? -1 : x->num > y->num;
}

static void mark_open(html_ctx *c, const hspan *sp, int first) {
  out_buf_printf(&c->b, "<mark class=\"%s%s%s\"", sev_class(sp->g->severity), first ? "" : " cont",
                 sp->s == sp->e ? " caret" : "");
  if (first) out_buf_printf(&c->b, " id=\"f-%zu\"", sp->num);
  else out_buf_printf(&c->b, " data-f=\"%zu\"", sp->num);
  put(c, " data-rule=\"");
  esc(c, sp->g->rule);
  put(c, "\" title=\"");
  out_buf_printf(&c->b, "[%zu] ", sp->num);
  esc(c, sp->g->message);
  put(c, "\">");
}

static void sup(html_ctx *c, const hspan *sp) {
  out_buf_printf(&c->b, "<sup class=\"fn %s\"><a href=\"#d-%zu\">%zu</a></sup>", sev_class(sp->g->severity),
                 sp->num, sp->num);
}

static int size_cmp(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* The paragraph's text with its findings' spans as nested <mark> elements:
 * a span that ends while a later-opened one is still open closes it and
 * reopens it as a continuation, so the markup stays well-formed. */
static void para_text(html_ctx *c, const rs_para *p, const hspan *sp, size_t m) {
  if (!m) {
    escn(c, p->text, p->len);
    return;
  }
  size_t *pos = malloc((2 * m + 1) * sizeof *pos);
  size_t *stack = malloc(m * sizeof *stack);
  size_t *tmp = malloc(m * sizeof *tmp);
  char *opened = calloc(m, 1);
  if (!pos || !stack || !tmp || !opened) {
    c->err = RS_ENOMEM;
    free(pos);
    free(stack);
    free(tmp);
    free(opened);
    return;
  }
  size_t np = 0;
  for (size_t j = 0; j < m; j++) {
    pos[np++] = sp[j].s;
    pos[np++] = sp[j].e;
  }
  pos[np++] = p->len;
  qsort(pos, np, sizeof *pos, size_cmp);
  size_t depth = 0, cur = 0;
  for (size_t k = 0; k < np; k++) {
    size_t at = pos[k];
    if (k > 0 && at == pos[k - 1]) continue;
    escn(c, p->text + cur, at - cur);
    cur = at;
    /* close the spans ending here, reopening the inner ones that go on */
    size_t low = depth;
    for (size_t d = 0; d < depth; d++)
      if (sp[stack[d]].e == at) {
        low = d;
        break;
      }
    size_t nre = 0;
    while (depth > low) {
      size_t j = stack[--depth];
      put(c, "</mark>");
      if (sp[j].e != at) tmp[nre++] = j;
    }
    /* numbers of the spans that ended here */
    for (size_t j = 0; j < m; j++)
      if (sp[j].e == at && sp[j].s < at) sup(c, &sp[j]);
    for (size_t d = nre; d > 0; d--) {
      mark_open(c, &sp[tmp[d - 1]], 0);
      stack[depth++] = tmp[d - 1];
    }
    /* empty spans: an insertion mark */
    for (size_t j = 0; j < m; j++)
      if (sp[j].s == at && sp[j].e == at) {
        mark_open(c, &sp[j], 1);
        put(c, "</mark>");
        sup(c, &sp[j]);
      }
    /* open the spans starting here, longest first so the shorter nest */
    size_t nst = 0;
    for (size_t j = 0; j < m; j++)
      if (sp[j].s == at && sp[j].e > at) tmp[nst++] = j;
    for (size_t a = 1; a < nst; a++)
      for (size_t b2 = a; b2 > 0 && sp[tmp[b2 - 1]].e < sp[tmp[b2]].e; b2--) {
        size_t t = tmp[b2];
        tmp[b2] = tmp[b2 - 1];
        tmp[b2 - 1] = t;
      }
    for (size_t a = 0; a < nst; a++) {
      mark_open(c, &sp[tmp[a]], !opened[tmp[a]]);
      opened[tmp[a]] = 1;
      stack[depth++] = tmp[a];
    }
  }
  escn(c, p->text + cur, p->len - cur);
  while (depth > 0) {
    depth--;
    put(c, "</mark>");
  }
  free(pos);
  free(stack);
  free(tmp);
  free(opened);
}

static void para_block(html_ctx *c, const rs_doc *d, size_t i, const hspan *sp, size_t m, int in_table) {
  const rs_para *p = &d->paras[i];
  put(c, "<div class=\"para");
  if (p->heading_level > 0) put(c, " h");
  if (p->align == RS_ALIGN_CENTER) put(c, " c");
  else if (p->align == RS_ALIGN_RIGHT) put(c, " r");
  if (p->part != RS_PART_BODY) put(c, " part");
  out_buf_printf(&c->b, "\" id=\"p-%zu-%zu\">", c->file + 1, i + 1);
  if (!in_table) {
    int txt = d->format && !strcmp(d->format, "txt") && p->nsegs > 0;
    if (txt) out_buf_printf(&c->b, "<span class=\"pn\" title=\"dòng %u\">%u</span>", p->segs[0].line, p->segs[0].line);
    else out_buf_printf(&c->b, "<span class=\"pn\" title=\"đoạn %zu\">%zu</span>", i + 1, i + 1);
  }
  put(c, "<span class=\"t\">");
  if (p->part == RS_PART_HEADER) put(c, "<span class=\"label\">[Đầu trang]</span>");
  else if (p->part == RS_PART_FOOTER) put(c, "<span class=\"label\">[Chân trang]</span>");
  else if (p->part == RS_PART_FOOTNOTE) put(c, "<span class=\"label\">[Chú thích]</span>");
  else if (p->part == RS_PART_TOC) put(c, "<span class=\"label\">[Mục lục]</span>");
  if (p->label && *p->label) {
    put(c, "<span class=\"label\">");
    esc(c, p->label);
    put(c, "</span>");
  }
  para_text(c, p, sp, m);
  put(c, "</span></div>\n");
}

static void location_text(html_ctx *c, const rs_file_result *fr, const rs_diag *g) {
  int txt = fr->format && !strcmp(fr->format, "txt");
  if (out_diag_is_global(g)) {
    put(c, "cả văn bản");
    return;
  }
  if (g->table > 0) out_buf_printf(&c->b, "bảng %d, hàng %d, ô %d", g->table, g->row, g->cell);
  else if (txt && g->line > 0) out_buf_printf(&c->b, "dòng %u, cột %u", g->line, g->col);
  else if (g->para > 0) out_buf_printf(&c->b, "đoạn %d", g->para);
  else out_buf_printf(&c->b, "dòng %u", g->line);
  if (g->para > 0 && g->table == 0 && !txt && g->col > 0) out_buf_printf(&c->b, ", ký tự %u", g->col);
}

static void document_view(html_ctx *c, const rs_file_result *fr, hspan *spans, size_t n) {
  const rs_doc *d = fr->doc;
  /* spans of located findings, by paragraph */
  hspan *loc = n ? malloc(n * sizeof *loc) : NULL;
  if (n && !loc) {
    c->err = RS_ENOMEM;
    return;
  }
  size_t nl = 0;
  for (size_t k = 0; k < n; k++)
    if (spans[k].located) loc[nl++] = spans[k];
  if (nl > 1) qsort(loc, nl, sizeof *loc, span_by_para);

  /* findings about the whole document */
  int general = 0;
  for (size_t k = 0; k < n; k++) {
    if (spans[k].located) continue;
    if (!general) put(c, "<p class=\"general\">Phát hiện không gắn với một đoạn cụ thể: ");
    general = 1;
    sup(c, &spans[k]);
  }
  if (general) put(c, "</p>\n");

  put(c, "<div class=\"doc\">\n");
  size_t li = 0;
  int table = 0, row = 0, cell = 0;
  for (size_t i = 0; i < d->npara && !c->err; i++) {
    const rs_para *p = &d->paras[i];
    while (li < nl && loc[li].para < i) li++;
    size_t m = 0;
    while (li + m < nl && loc[li + m].para == i) m++;
    if (p->table != table) {
      if (table) put(c, "</td></tr></table>\n");
      table = p->table;
      row = cell = 0;
      if (table) out_buf_printf(&c->b, "<table class=\"doc-table\" id=\"t-%zu-%zu\">", c->file + 1, i + 1);
    }
    if (table) {
      if (p->row != row || row == 0) {
        if (row) put(c, "</td></tr>");
        put(c, "<tr><td>");
        row = p->row ? p->row : 1;
        cell = p->cell;
      } else if (p->cell != cell) {
        put(c, "</td><td>");
        cell = p->cell;
      }
    }
    /* blank paragraphs only take room; keep them when they hold a finding */
    int blank = 1;
    for (size_t b = 0; b < p->len; b++)
      if (p->text[b] != ' ' && p->text[b] != '\t') {
        blank = 0;
        break;
      }
    if (!blank || m > 0 || (p->label && *p->label) || table) para_block(c, d, i, loc + li, m, table != 0);
    li += m;
    flush(c, 0);
  }
  if (table) put(c, "</td></tr></table>\n");
  put(c, "</div>\n");
  free(loc);
}

static const char *const pack_order[] = {"structure", "citation", "date",       "deadline",   "arithmetic", "format",
                                         "spelling",  "terminology", "typography", "encoding", "engine"};

/* Byte offset `n` code points before (dir < 0) or after `at`. */
static size_t cp_step(const rs_para *p, size_t at, int dir, size_t n) {
  while (n-- > 0) {
    if (dir < 0) {
      if (at == 0) break;
      at--;
      while (at > 0 && ((unsigned char)p->text[at] & 0xC0) == 0x80) at--;
    } else {
      if (at >= p->len) break;
      at++;
      while (at < p->len && ((unsigned char)p->text[at] & 0xC0) == 0x80) at++;
    }
  }
  return at;
}

/* The finding's span with some of the words around it. */
static void excerpt_in_context(html_ctx *c, const rs_para *p, const hspan *sp) {
  enum { CONTEXT = 40 };
  size_t from = cp_step(p, sp->s, -1, CONTEXT), to = cp_step(p, sp->e, 1, CONTEXT);
  /* widen to whole words when that stays short */
  size_t w = from;
  for (int k = 0; k < 12 && w > 0 && p->text[w - 1] != ' '; k++) w = cp_step(p, w, -1, 1);
  if (w == 0 || p->text[w - 1] == ' ') from = w;
  w = to;
  for (int k = 0; k < 12 && w < p->len && p->text[w] != ' '; k++) w = cp_step(p, w, 1, 1);
  if (w == p->len || p->text[w] == ' ') to = w;
  put(c, "<div class=\"excerpt\">");
  if (from > 0) put(c, "… ");
  escn(c, p->text + from, sp->s - from);
  out_buf_printf(&c->b, "<strong class=\"hl %s%s\">", sev_class(sp->g->severity), sp->e == sp->s ? " caret" : "");
  escn(c, p->text + sp->s, sp->e - sp->s);
  put(c, "</strong>");
  escn(c, p->text + sp->e, to - sp->e);
  if (to < p->len) put(c, " …");
  put(c, "</div>\n");
}

static void finding_item(html_ctx *c, const rs_file_result *fr, const hspan *sp) {
  const rs_diag *g = sp->g;
  const rs_doc *doc = fr->doc;
  out_buf_printf(&c->b, "<li class=\"finding %s\" id=\"d-%zu\"><div class=\"fhead\">", sev_class(g->severity), sp->num);
  if (sp->located) out_buf_printf(&c->b, "<a class=\"num\" href=\"#f-%zu\" title=\"Xem trong văn bản\">%zu</a>", sp->num, sp->num);
  else out_buf_printf(&c->b, "<span class=\"num\">%zu</span>", sp->num);
  out_buf_printf(&c->b, "<span class=\"badge %s\">", sev_class(g->severity));
  esc(c, out_severity_label(g->severity));
  put(c, "</span><span class=\"where\">");
  location_text(c, fr, g);
  put(c, "</span></div>\n<p class=\"msg\">");
  esc(c, g->message);
  put(c, "</p>\n");
  if (sp->located && doc) {
    excerpt_in_context(c, &doc->paras[sp->para], sp);
  } else if (g->excerpt && *g->excerpt) {
    put(c, "<div class=\"excerpt\">");
    esc(c, g->excerpt);
    put(c, "</div>\n");
  }
  if (g->suggestion && *g->suggestion) {
    put(c, "<p class=\"sugg\">Đề xuất: <b>");
    esc(c, g->suggestion);
    put(c, "</b></p>\n");
  }
  put(c, "</li>\n");
}

static size_t pack_rank(const char *rule) {
  char pk[64];
  out_rule_pack(rule, pk, sizeof pk);
  size_t npk = sizeof pack_order / sizeof pack_order[0];
  for (size_t q = 0; q < npk; q++)
    if (!strcmp(pk, pack_order[q])) return q;
  return npk;
}

/* Order of the findings list: pack (usual order, then others by name),
 * rule id, then position. */
static int by_pack_rule(const void *a, const void *b) {
  const hspan *x = *(const hspan *const *)a, *y = *(const hspan *const *)b;
  size_t rx = pack_rank(x->g->rule), ry = pack_rank(y->g->rule);
  if (rx != ry) return rx < ry ? -1 : 1;
  int cmp = strcmp(x->g->rule, y->g->rule); /* same pack prefix when rank is equal */
  if (cmp) return cmp;
  return x->num < y->num ? -1 : x->num > y->num;
}

static int same_pack(const hspan *x, const hspan *y) {
  char a[64], b[64];
  out_rule_pack(x->g->rule, a, sizeof a);
  out_rule_pack(y->g->rule, b, sizeof b);
  return !strcmp(a, b);
}

static void rule_head(html_ctx *c, const rs_report *r, const rs_diag *g0) {
  const rs_rule_info *ri = out_find_rule(r, g0->rule);
  put(c, "<div class=\"rule\"><div class=\"rule-head\"><strong>");
  esc(c, ri && ri->description && *ri->description ? ri->description : g0->rule);
  put(c, "</strong> <code>");
  esc(c, g0->rule);
  put(c, "</code>");
  if (ri && ri->basis && *ri->basis) {
    put(c, "<p class=\"basis\">Cơ sở: ");
    esc(c, ri->basis);
    put(c, "</p>");
  }
  put(c, "</div>\n<ol class=\"findings\">\n");
}

/* The findings grouped by pack, then by rule (description and basis shown
 * once per rule). */
static void findings_by_pack(html_ctx *c, const rs_report *r, const rs_file_result *fr, hspan *spans, size_t n) {
  const hspan **ord = malloc(n * sizeof *ord);
  if (!ord) {
    c->err = RS_ENOMEM;
    return;
  }
  for (size_t k = 0; k < n; k++) ord[k] = &spans[k];
  qsort(ord, n, sizeof *ord, by_pack_rule);
  for (size_t k = 0; k < n && !c->err; k++) {
    const hspan *sp = ord[k];
    int new_pack = k == 0 || !same_pack(ord[k - 1], sp);
    int new_rule = new_pack || strcmp(ord[k - 1]->g->rule, sp->g->rule);
    if (new_pack) {
      size_t count = 1;
      while (k + count < n && same_pack(ord[k + count], sp)) count++;
      char pk[64];
      out_rule_pack(sp->g->rule, pk, sizeof pk);
      put(c, "<section class=\"pack\"><h4>");
      esc(c, out_pack_label(pk));
      out_buf_printf(&c->b, " <span class=\"count\">(%zu)</span></h4>\n", count);
    }
    if (new_rule) rule_head(c, r, sp->g);
    finding_item(c, fr, sp);
    int end_pack = k + 1 == n || !same_pack(ord[k + 1], sp);
    int end_rule = end_pack || strcmp(ord[k + 1]->g->rule, sp->g->rule);
    if (end_rule) put(c, "</ol></div>\n");
    if (end_pack) put(c, "</section>\n");
    flush(c, 0);
  }
  free(ord);
}

static void counts_line(html_ctx *c, const rs_file_result *fr) {
  size_t e = 0, w = 0, i = 0;
  for (size_t k = 0; k < fr->diags.n; k++) {
    rs_severity s = fr->diags.v[k].severity;
    e += s == RS_SEV_ERROR;
    w += s == RS_SEV_WARNING;
    i += s == RS_SEV_INFO;
  }
  out_buf_printf(&c->b, "%zu lỗi, %zu cảnh báo, %zu thông tin", e, w, i);
}

static void file_section(html_ctx *c, const rs_report *r, size_t fi, size_t *next_num) {
  const rs_file_result *fr = &r->files[fi];
  size_t n = fr->diags.n;
  c->file = fi;
  out_buf_printf(&c->b, "<section class=\"file\" id=\"file-%zu\">\n<div class=\"file-head\"><h2>", fi + 1);
  esc(c, fr->path);
  put(c, "</h2><span class=\"fmt\">");
  esc(c, fr->format ? fr->format : "unknown");
  put(c, "</span></div>\n");
  if (fr->status == RS_FILE_FAILED) {
    put(c, "<div class=\"alert\" role=\"alert\"><strong>Không kiểm tra được tệp này.</strong> ");
    esc(c, fr->error ? fr->error : "Lỗi không rõ");
    put(c, "</div>\n");
  }
  put(c, "<p class=\"meta\">");
  if (fr->status != RS_FILE_FAILED && n == 0) put(c, "<span class=\"clean\">Không có phát hiện nào.</span>");
  else counts_line(c, fr);
  if (n > 0) out_buf_printf(&c->b, " · <a href=\"#file-%zu-findings\">xem danh sách phát hiện</a>", fi + 1);
  put(c, "</p>\n");

  hspan *spans = n ? calloc(n, sizeof *spans) : NULL;
  if (n && !spans) {
    c->err = RS_ENOMEM;
    return;
  }
  for (size_t k = 0; k < n; k++) {
    spans[k].g = &fr->diags.v[k];
    spans[k].num = (*next_num)++;
    spans[k].located = fr->doc && out_diag_span(fr->doc, spans[k].g, &spans[k].para, &spans[k].s, &spans[k].e) == 0;
  }
  if (fr->doc && fr->doc->npara > 0) {
    put(c, "<h3>Nội dung văn bản</h3>\n");
    document_view(c, fr, spans, n);
  } else if (fr->status != RS_FILE_FAILED && n > 0) {
    put(c, "<p class=\"general\">Nội dung văn bản không có trong báo cáo này.</p>\n");
  }
  if (n > 0) {
    out_buf_printf(&c->b, "<h3 id=\"file-%zu-findings\">Phát hiện theo nhóm</h3>\n", fi + 1);
    findings_by_pack(c, r, fr, spans, n);
  }
  put(c, "</section>\n");
  free(spans);
  flush(c, 0);
}

static void summary(html_ctx *c, const rs_report *r) {
  out_totals t;
  out_count(r, &t);
  put(c, "<header class=\"summary\">\n<h1>Kết quả rà soát văn bản</h1>\n<p class=\"meta\">rasoat " RS_VERSION " · ");
  out_buf_printf(&c->b, "%zu tệp, %zu đã kiểm tra", t.files, t.checked);
  put(c, "</p>\n");
  if (r->interrupted)
    put(c, "<div class=\"alert\" role=\"alert\"><strong>Quá trình kiểm tra bị ngắt giữa chừng;</strong> "
           "kết quả dưới đây chưa đầy đủ.</div>\n");
  put(c, "<ul class=\"counts\">");
  out_buf_printf(&c->b, "<li class=\"sev-error\"><b>%zu</b>lỗi</li>", t.errors);
  out_buf_printf(&c->b, "<li class=\"sev-warning\"><b>%zu</b>cảnh báo</li>", t.warnings);
  out_buf_printf(&c->b, "<li class=\"sev-info\"><b>%zu</b>thông tin</li>", t.infos);
  out_buf_printf(&c->b, "<li><b>%zu</b>tệp đã kiểm tra</li>", t.checked);
  if (t.failed) out_buf_printf(&c->b, "<li class=\"failed\"><b>%zu</b>tệp không đọc được</li>", t.failed);
  put(c, "</ul>\n");
  if (r->nfiles > 1) {
    put(c, "<table class=\"files\"><thead><tr><th>Tệp</th><th>Định dạng</th><th>Lỗi</th><th>Cảnh báo</th>"
           "<th>Thông tin</th><th>Trạng thái</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < r->nfiles; i++) {
      const rs_file_result *fr = &r->files[i];
      size_t e = 0, w = 0, in = 0;
      for (size_t k = 0; k < fr->diags.n; k++) {
        rs_severity s = fr->diags.v[k].severity;
        e += s == RS_SEV_ERROR;
        w += s == RS_SEV_WARNING;
        in += s == RS_SEV_INFO;
      }
      out_buf_printf(&c->b, "<tr><td><a href=\"#file-%zu\">", i + 1);
      esc(c, fr->path);
      put(c, "</a></td><td>");
      esc(c, fr->format ? fr->format : "unknown");
      out_buf_printf(&c->b, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td>", e, w,
                     in);
      put(c, fr->status == RS_FILE_FAILED ? "không đọc được" : "đã kiểm tra");
      put(c, "</td></tr>\n");
    }
    put(c, "</tbody></table>\n");
  }
  put(c, "</header>\n");
}

int rs_out_html(FILE *f, const rs_report *r, const rs_out_opts *o) {
  (void)o;
  html_ctx c = {0};
  c.f = f;
  put(&c, "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
          "<meta name=\"generator\" content=\"rasoat " RS_VERSION "\"/>\n"
          "<title>Kết quả rà soát văn bản</title>\n<style>\n");
  for (size_t i = 0; css[i]; i++) put(&c, css[i]);
  put(&c, "</style>\n</head>\n<body>\n<div class=\"wrap\">\n");
  summary(&c, r);
  put(&c, "<main>\n");
  size_t num = 1;
  for (size_t i = 0; i < r->nfiles && !c.err; i++) file_section(&c, r, i, &num);
  put(&c, "</main>\n<footer>Báo cáo do rasoat " RS_VERSION
          " tạo ra. Mỗi phát hiện là một gợi ý để người soạn thảo xem lại; số trong văn bản dẫn tới giải "
          "thích bên dưới.</footer>\n</div>\n</body>\n</html>\n");
  flush(&c, 1);
  int rc = c.err;
  out_buf_free(&c.b);
  if (!rc && ferror(f)) rc = RS_EIO;
  return rc;
}
