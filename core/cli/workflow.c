/* Workflow around a check: the .rasoat.lua configuration, baselines and
 * --fix for .txt drafts. */
#include <errno.h>
#include <fnmatch.h>
#include <jansson.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "out_util.h"
#include "workflow.h"

/* ---- configuration ---- */

int rs_config_find(const char *start, char **out) {
  char dir[4096];
  struct stat st;
  *out = NULL;
  if (stat(start, &st) == 0 && S_ISDIR(st.st_mode)) {
    snprintf(dir, sizeof dir, "%s", start);
  } else {
    snprintf(dir, sizeof dir, "%s", start);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = 0;
    else snprintf(dir, sizeof dir, ".");
  }
  char abs[4096];
  if (!realpath(dir, abs)) return -1;
  for (;;) {
    char *cand = rs_sprintf("%s/.rasoat.lua", abs);
    if (cand && stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
      *out = cand;
      return 0;
    }
    free(cand);
    char *slash = strrchr(abs, '/');
    if (!slash || slash == abs) break;
    *slash = 0;
  }
  return -1;
}

static char **read_list(lua_State *L, const char *field, const char *base, size_t *n) {
  *n = 0;
  char **v = NULL;
  if (lua_getfield(L, -1, field) == LUA_TTABLE) {
    size_t len = lua_rawlen(L, -1);
    v = calloc(len + 1, sizeof *v);
    for (size_t i = 1; v && i <= len; i++) {
      lua_rawgeti(L, -1, (lua_Integer)i);
      const char *s = lua_tostring(L, -1);
      if (s) v[(*n)++] = (base && s[0] != '/') ? rs_sprintf("%s/%s", base, s) : rs_strdup(s);
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  return v;
}

static void config_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  luaL_error(L, "tệp cấu hình chạy quá lâu: chỉ được chứa dữ liệu");
}

int rs_config_load(const char *path, rs_config *c, char **err) {
  memset(c, 0, sizeof *c);
  lua_State *L = luaL_newstate();
  if (!L) return RS_ENOMEM;
  int rc = RS_EFORMAT;
  char *base = rs_strdup(path);
  char *slash = base ? strrchr(base, '/') : NULL;
  if (slash) *slash = 0;
  FILE *f = fopen(path, "rb");
  if (!f) {
    *err = rs_sprintf("không đọc được tệp cấu hình %s: %s", path, rs_strerror_vi(errno));
    rc = RS_EIO;
    goto out;
  }
  char buf[65536];
  size_t n = fread(buf, 1, sizeof buf, f);
  int more = fgetc(f) != EOF;
  fclose(f);
  if (more) {
    *err = rs_sprintf("tệp cấu hình %s quá lớn (giới hạn 64 KiB): chỉ được chứa dữ liệu cấu hình", path);
    goto out;
  }
  if (luaL_loadbufferx(L, buf, n, path, "t") != LUA_OK) {
    *err = rs_sprintf("tệp cấu hình %s không hợp lệ: %s", path, lua_tostring(L, -1));
    goto out;
  }
  lua_newtable(L); /* data only: an empty environment */
  lua_setupvalue(L, -2, 1);
  lua_sethook(L, config_hook, LUA_MASKCOUNT, 100000); /* data needs no loops */
  if (lua_pcall(L, 0, 1, 0) != LUA_OK || !lua_istable(L, -1)) {
    *err = rs_sprintf("tệp cấu hình %s phải trả về một bảng dữ liệu%s%s", path, lua_isstring(L, -1) ? ": " : "",
                      lua_isstring(L, -1) ? lua_tostring(L, -1) : "");
    goto out;
  }
  c->path = rs_strdup(path);
  if (lua_getfield(L, -1, "profile") == LUA_TSTRING) c->profile = rs_strdup(lua_tostring(L, -1));
  lua_pop(L, 1);
  if (lua_getfield(L, -1, "fail_on") == LUA_TSTRING) c->fail_on = rs_strdup(lua_tostring(L, -1));
  lua_pop(L, 1);
  if (lua_getfield(L, -1, "deadline") == LUA_TSTRING) c->deadline = rs_strdup(lua_tostring(L, -1));
  lua_pop(L, 1);
  c->data = read_list(L, "data", slash ? base : NULL, &c->ndata);
  c->plugins = read_list(L, "plugins", slash ? base : NULL, &c->nplugins);
  c->ignore = read_list(L, "ignore", NULL, &c->nignore);
  /* rules = { ["typography/double-space"] = "off", spelling = "info" } */
  if (lua_getfield(L, -1, "rules") == LUA_TTABLE) {
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TSTRING) {
        char **nv = realloc(c->rules, (c->nrules + 2) * sizeof *nv);
        if (nv) {
          c->rules = nv;
          c->rules[c->nrules++] = rs_sprintf("%s=%s", lua_tostring(L, -2), lua_tostring(L, -1));
          c->rules[c->nrules] = NULL;
        }
      }
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  rc = 0;
out:
  free(base);
  lua_close(L);
  return rc;
}

int rs_config_ignored(const rs_config *c, const char *path) {
  for (size_t i = 0; i < c->nignore; i++) {
    if (fnmatch(c->ignore[i], path, 0) == 0) return 1;
    const char *b = strrchr(path, '/');
    if (b && fnmatch(c->ignore[i], b + 1, 0) == 0) return 1;
  }
  return 0;
}

static void free_v(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}

void rs_config_free(rs_config *c) {
  free(c->path);
  free(c->profile);
  free(c->fail_on);
  free(c->deadline);
  free_v(c->data, c->ndata);
  free_v(c->plugins, c->nplugins);
  free_v(c->ignore, c->nignore);
  free_v(c->rules, c->nrules);
  memset(c, 0, sizeof *c);
}

/* ---- baselines ----
 * A finding is identified by its rule, its normalized excerpt (the message
 * when it has none) and its rank among the findings of that file with the
 * same rule and excerpt: line numbers play no part, so the match survives
 * edits elsewhere in the document. */

struct rs_baseline {
  char *path;   /* file path in the baseline */
  char **keys;
  size_t n;
  char *used;
};

typedef struct rs_baseline_set {
  struct rs_baseline *files;
  size_t n;
} rs_baseline_set_t;

static char *key_of(const char *rule, const char *excerpt, const char *message, int rank) {
  char *norm = out_normalize_space(excerpt && *excerpt ? excerpt : message);
  char *k = rs_sprintf("%s\x1f%s\x1f%d", rule, norm ? norm : "", rank);
  free(norm);
  return k;
}

/* keys for a list of (rule, excerpt, message) in report order */
static int rank_of(char **prev, size_t n, const char *base) {
  int r = 0;
  for (size_t i = 0; i < n; i++)
    if (prev[i] && !strcmp(prev[i], base)) r++;
  return r;
}

int rs_baseline_load(const char *path, rs_baseline_set **out, char **err) {
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  if (!root) {
    *err = rs_sprintf("không đọc được báo cáo gốc %s: %s (dòng %d)", path, je.text, je.line);
    return RS_EFORMAT;
  }
  json_t *files = json_object_get(root, "files");
  if (!json_is_array(files)) {
    json_decref(root);
    *err = rs_sprintf("báo cáo gốc %s không đúng dạng JSON của rasoat (thiếu \"files\")", path);
    return RS_EFORMAT;
  }
  rs_baseline_set *s = calloc(1, sizeof *s);
  s->n = json_array_size(files);
  s->files = calloc(s->n ? s->n : 1, sizeof *s->files);
  for (size_t i = 0; i < s->n; i++) {
    json_t *f = json_array_get(files, i);
    struct rs_baseline *b = &s->files[i];
    b->path = rs_strdup(json_string_value(json_object_get(f, "path")) ? json_string_value(json_object_get(f, "path")) : "");
    json_t *ds = json_object_get(f, "diagnostics");
    size_t nd = json_array_size(ds);
    b->keys = calloc(nd ? nd : 1, sizeof *b->keys);
    b->used = calloc(nd ? nd : 1, 1);
    char **bases = calloc(nd ? nd : 1, sizeof *bases);
    for (size_t k = 0; k < nd; k++) {
      json_t *g = json_array_get(ds, k);
      const char *rule = json_string_value(json_object_get(g, "rule"));
      const char *ex = json_string_value(json_object_get(g, "excerpt"));
      const char *msg = json_string_value(json_object_get(g, "message"));
      bases[k] = key_of(rule ? rule : "", ex, msg ? msg : "", 0);
      b->keys[b->n++] = key_of(rule ? rule : "", ex, msg ? msg : "", rank_of(bases, k, bases[k]));
    }
    for (size_t k = 0; k < nd; k++) free(bases[k]);
    free(bases);
  }
  json_decref(root);
  *out = s;
  return 0;
}

void rs_baseline_free(rs_baseline_set *s) {
  if (!s) return;
  for (size_t i = 0; i < s->n; i++) {
    free(s->files[i].path);
    free_v(s->files[i].keys, s->files[i].n);
    free(s->files[i].used);
  }
  free(s->files);
  free(s);
}

size_t rs_baseline_filter(rs_baseline_set *s, rs_file_result *files, size_t nfiles, size_t nrun) {
  size_t dropped = 0;
  for (size_t fi = 0; fi < nfiles; fi++) {
    rs_file_result *fr = &files[fi];
    struct rs_baseline *b = NULL;
    for (size_t i = 0; i < s->n; i++)
      if (!strcmp(s->files[i].path, fr->path)) b = &s->files[i];
    /* a resubmission under another name: one file against one file */
    if (!b && s->n == 1 && nrun == 1) b = &s->files[0];
    if (!b) continue;
    char **bases = calloc(fr->diags.n ? fr->diags.n : 1, sizeof *bases);
    size_t w = 0;
    for (size_t k = 0; k < fr->diags.n; k++) {
      rs_diag *g = &fr->diags.v[k];
      bases[k] = key_of(g->rule, g->excerpt, g->message, 0);
      char *key = key_of(g->rule, g->excerpt, g->message, rank_of(bases, k, bases[k]));
      int hit = 0;
      for (size_t j = 0; key && j < b->n; j++) {
        if (!b->used[j] && !strcmp(b->keys[j], key)) {
          b->used[j] = 1;
          hit = 1;
          break;
        }
      }
      free(key);
      if (hit) {
        rs_diag_free(g);
        dropped++;
      } else {
        fr->diags.v[w++] = *g;
      }
    }
    size_t n = fr->diags.n;
    fr->diags.n = w;
    for (size_t k = 0; bases && k < n; k++) free(bases[k]);
    free(bases);
  }
  return dropped;
}

/* ---- --fix for .txt drafts ---- */

typedef struct edit {
  size_t start, end; /* byte range in the original file */
  const char *text;
} edit;

static int cmp_edit(const void *a, const void *b) {
  const edit *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* byte offset of (line, col) in the original UTF-8 bytes, or -1 */
static long offset_of(const char *buf, size_t len, uint32_t line, uint32_t col) {
  size_t i = 0;
  if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) i = 3;
  uint32_t l = 1;
  while (l < line && i < len) {
    if (buf[i] == '\n') l++;
    else if (buf[i] == '\r' && !(i + 1 < len && buf[i + 1] == '\n')) l++;
    i++;
  }
  if (l != line) return -1;
  uint32_t c = 1;
  while (c < col && i < len && buf[i] != '\n' && buf[i] != '\r') {
    i++;
    while (i < len && ((unsigned char)buf[i] & 0xC0) == 0x80) i++;
    c++;
  }
  return c == col ? (long)i : -1;
}

int rs_fix_file(const rs_engine *e, const rs_file_result *fr, const char *out_path, char **err, size_t *applied) {
  *applied = 0;
  if (fr->status != RS_FILE_CHECKED || !fr->doc || strcmp(fr->format, "txt") ||
      (fr->doc->encoding && strcmp(fr->doc->encoding, "utf-8"))) {
    *err = rs_sprintf("--fix chỉ sửa được tệp .txt UTF-8; với %s, hãy sửa theo gợi ý trong báo cáo", fr->path);
    return RS_EUSAGE;
  }
  FILE *f = fopen(fr->path, "rb");
  if (!f) {
    *err = rs_sprintf("không đọc được %s: %s", fr->path, rs_strerror_vi(errno));
    return RS_EIO;
  }
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  size_t r;
  while (buf && (r = fread(buf + len, 1, cap - len, f)) > 0) {
    len += r;
    if (len == cap) {
      cap *= 2;
      char *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        buf = NULL;
      }
      buf = nb;
    }
  }
  fclose(f);
  if (!buf) return RS_ENOMEM;
  edit *ed = calloc(fr->diags.n ? fr->diags.n : 1, sizeof *ed);
  size_t ne = 0;
  for (size_t k = 0; ed && k < fr->diags.n; k++) {
    const rs_diag *g = &fr->diags.v[k];
    const rs_rule *rule = rs_engine_find(e, g->rule);
    if (!rule || !rule->fixable || !g->suggestion || g->line != g->end_line || g->end_col <= g->col) continue;
    long s = offset_of(buf, len, g->line, g->col), t = offset_of(buf, len, g->end_line, g->end_col);
    if (s < 0 || t < s) continue;
    /* the source must still read as the excerpt (NFC files only) */
    if (g->excerpt && ((size_t)(t - s) != strlen(g->excerpt) || memcmp(buf + s, g->excerpt, (size_t)(t - s))))
      continue;
    ed[ne].start = (size_t)s;
    ed[ne].end = (size_t)t;
    ed[ne].text = g->suggestion;
    ne++;
  }
  qsort(ed, ne, sizeof *ed, cmp_edit);
  /* build the new text, skipping overlapping edits */
  size_t ocap = len + 1024, olen = 0, pos = 0;
  char *o = malloc(ocap);
  for (size_t k = 0; o && k < ne; k++) {
    if (ed[k].start < pos) continue;
    size_t tl = strlen(ed[k].text);
    while (olen + (ed[k].start - pos) + tl + 1 > ocap) ocap *= 2;
    char *no = realloc(o, ocap);
    if (!no) {
      free(o);
      o = NULL;
      break;
    }
    o = no;
    memcpy(o + olen, buf + pos, ed[k].start - pos);
    olen += ed[k].start - pos;
    memcpy(o + olen, ed[k].text, tl);
    olen += tl;
    pos = ed[k].end;
    (*applied)++;
  }
  if (o) {
    if (olen + (len - pos) + 1 > ocap) {
      char *no = realloc(o, olen + (len - pos) + 1);
      if (!no) free(o);
      o = no;
    }
  }
  if (!o) {
    free(buf);
    free(ed);
    return RS_ENOMEM;
  }
  memcpy(o + olen, buf + pos, len - pos);
  olen += len - pos;
  free(ed);

  /* write atomically: a temporary file beside the target, then rename */
  const char *target = out_path ? out_path : fr->path;
  int rc = 0;
  if (!out_path) {
    char *bak = rs_sprintf("%s.bak", fr->path);
    FILE *b = bak ? fopen(bak, "wb") : NULL;
    if (!b || fwrite(buf, 1, len, b) != len || fclose(b) != 0) {
      *err = rs_sprintf("không ghi được bản sao lưu %s: %s", bak ? bak : "?", rs_strerror_vi(errno));
      free(bak);
      free(buf);
      free(o);
      return RS_EIO;
    }
    free(bak);
  }
  char *tmp = rs_sprintf("%s.rasoat-tmp-%d", target, (int)getpid());
  FILE *w = tmp ? fopen(tmp, "wb") : NULL;
  if (!w || fwrite(o, 1, olen, w) != olen || fflush(w) != 0 || fsync(fileno(w)) != 0 || fclose(w) != 0) {
    *err = rs_sprintf("không ghi được %s: %s; tệp gốc không bị thay đổi", target, rs_strerror_vi(errno));
    if (tmp) unlink(tmp);
    rc = RS_EIO;
  } else if (rename(tmp, target) != 0) {
    *err = rs_sprintf("không thay được %s: %s; tệp gốc không bị thay đổi", target, rs_strerror_vi(errno));
    unlink(tmp);
    rc = RS_EIO;
  }
  free(tmp);
  free(buf);
  free(o);
  return rc;
}
