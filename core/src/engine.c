/* The rule engine: plugin loading and validation, profiles, and running the
 * rules of one document in a worker's sandbox. */
#include "engine.h"

#include <dirent.h>
#include <hunspell.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "chunkcache.h"
#include "doc.h"
#include "legacy.h"
#include "readers.h"
#include "regex.h"
#include "worker.h"

#define CHUNKS_KEY "rasoat.chunks"
#define PROFILES_KEY "rasoat.profiles"
#define DATA_KEY "rasoat.data"
#define METHODS_KEY "rasoat.docmethods"
#define LIBS_KEY "rasoat.libs"
#define RULESDATA_KEY "rasoat.rulesdata"

void rs_budget_default(rs_budget *b) {
  b->instructions = 50000000;  /* ~0.2-0.5 s of Lua */
  b->wall_ms = 10000; /* a backstop: the instruction budget stops loops first */
  b->memory = (size_t)64 << 20;
  b->max_findings = 1000;
  b->re_match_limit = 1000000;
  b->re_depth_limit = 5000;
  b->doc_ms = 30000;
}

/* ---- files ---- */

static char *read_file(const char *path, size_t *len, size_t max) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *b = malloc(cap);
  while (b) {
    if (n + 4096 > cap) {
      cap *= 2;
      char *nb = realloc(b, cap);
      if (!nb) {
        free(b);
        b = NULL;
        break;
      }
      b = nb;
    }
    size_t r = fread(b + n, 1, cap - n - 1, f);
    n += r;
    if (r == 0) break;
    if (max && n > max) {
      free(b);
      b = NULL;
      break;
    }
  }
  fclose(f);
  if (b) {
    b[n] = 0;
    *len = n;
  }
  return b;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* sorted entry names of a folder (regular files or folders as asked) */
static char **list_dir(const char *dir, int want_dirs, const char *suffix, size_t *n) {
  *n = 0;
  DIR *d = opendir(dir);
  if (!d) return NULL;
  size_t cap = 16;
  char **v = malloc(cap * sizeof *v);
  struct dirent *de;
  while (v && (de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char *full = rs_sprintf("%s/%s", dir, de->d_name);
    struct stat st;
    int ok = full && stat(full, &st) == 0 && (want_dirs ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
    free(full);
    if (!ok) continue;
    if (suffix) {
      size_t l = strlen(de->d_name), sl = strlen(suffix);
      if (l <= sl || strcmp(de->d_name + l - sl, suffix)) continue;
    }
    if (*n == cap) {
      cap *= 2;
      char **nv = realloc(v, cap * sizeof *nv);
      if (!nv) break;
      v = nv;
    }
    v[(*n)++] = rs_strdup(de->d_name);
  }
  closedir(d);
  if (v) qsort(v, *n, sizeof *v, cmp_str);
  return v;
}

static void free_list(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}

/* What the workers of one engine share besides the read-only engine: the
 * validating worker, handed to the first rs_worker_new (compiled chunks are
 * shared by rs_chunk_load itself). */
struct rs_engine_shared {
  pthread_mutex_t mu;
  rs_worker *spare;
};

static void shared_free(rs_engine_shared *c) {
  if (!c) return;
  rs_worker_free(c->spare);
  pthread_mutex_destroy(&c->mu);
  free(c);
}

/* ---- engine ---- */

int rs_engine_init(rs_engine *e) {
  memset(e, 0, sizeof *e);
  rs_budget_default(&e->budget);
  rs_limits_default(&e->limits);
  e->forced_index = -1;
  for (int f = 0; f < 3; f++) e->manifest_cols[f] = -1;
  e->shared = calloc(1, sizeof *e->shared);
  if (!e->shared) return RS_ENOMEM;
  pthread_mutex_init(&e->shared->mu, NULL);
  return 0;
}

static void load_diag(rs_engine *e, const char *path, const char *fmt, const char *a, const char *b) {
  rs_diag *g = rs_diags_add(&e->load_diags, "engine/rule-load", RS_SEV_ERROR, fmt, a ? a : "", b ? b : "");
  if (g) {
    free(g->excerpt);
    g->excerpt = rs_strdup(path);
  }
}

int rs_engine_load_plugins(rs_engine *e, const char *dir) {
  size_t npacks;
  char **packs = list_dir(dir, 1, NULL, &npacks);
  if (!packs) return RS_EIO;
  for (size_t i = 0; i < npacks; i++) {
    char *pdir = rs_sprintf("%s/%s", dir, packs[i]);
    if (!strcmp(packs[i], "lib")) {
      char **nl = realloc(e->lib_dirs, (e->nlib_dirs + 1) * sizeof *nl);
      if (nl) {
        e->lib_dirs = nl;
        e->lib_dirs[e->nlib_dirs++] = pdir;
      } else {
        free(pdir);
      }
      continue;
    }
    size_t nfiles;
    char **files = list_dir(pdir, 0, ".lua", &nfiles);
    for (size_t k = 0; files && k < nfiles; k++) {
      char *path = rs_sprintf("%s/%s", pdir, files[k]);
      size_t len = 0;
      char *src = read_file(path, &len, 1 << 20);
      if (!src) {
        load_diag(e, path, "Không đọc được tệp quy tắc %s%s", path, NULL);
        free(path);
        continue;
      }
      rs_rule *nr = realloc(e->rules, (e->nrules + 1) * sizeof *nr);
      if (!nr) {
        free(src);
        free(path);
        break;
      }
      e->rules = nr;
      rs_rule *r = &e->rules[e->nrules++];
      memset(r, 0, sizeof *r);
      files[k][strlen(files[k]) - 4] = 0;
      r->info.id = rs_sprintf("%s/%s", packs[i], files[k]);
      r->info.path = path;
      r->source = src;
      r->srclen = len;
      r->info.severity = r->info.default_severity = RS_SEV_OFF;
    }
    free_list(files, nfiles);
    free(pdir);
  }
  free_list(packs, npacks);
  return 0;
}

const rs_rule *rs_engine_find(const rs_engine *e, const char *id) {
  for (size_t i = 0; i < e->nrules; i++)
    if (!strcmp(e->rules[i].info.id, id)) return &e->rules[i];
  return NULL;
}

/* ---- profiles ---- */

static int lower_utf8(const char *s, char *out, size_t cap) {
  size_t n = 0;
  const unsigned char *p = (const unsigned char *)s;
  size_t len = strlen(s);
  size_t i = 0;
  while (i < len && n + 5 < cap) {
    int32_t cp;
    int l = rs_utf8_decode(p + i, len - i, &cp);
    if (l < 0) {
      i++;
      continue;
    }
    i += (size_t)l;
    n += (size_t)rs_utf8_encode(utf8proc_tolower(cp), out + n);
  }
  out[n] = 0;
  return 0;
}

/* Parse a data-only profile file in an empty environment. */
static int parse_profile(const char *path, rs_profile *p, char **err) {
  memset(p, 0, sizeof *p);
  size_t len;
  char *src = read_file(path, &len, 1 << 20);
  if (!src) {
    *err = rs_sprintf("không đọc được hồ sơ cấu hình %s: %s", path, rs_strerror_vi(errno));
    return RS_EIO;
  }
  lua_State *L = luaL_newstate();
  int rc = RS_EFORMAT;
  if (luaL_loadbufferx(L, src, len, path, "t") != LUA_OK) {
    *err = rs_sprintf("hồ sơ cấu hình %s không hợp lệ: %s", path, lua_tostring(L, -1));
    goto out;
  }
  lua_newtable(L); /* empty environment: data only */
  lua_setupvalue(L, -2, 1);
  lua_sethook(L, NULL, 0, 0);
  if (lua_pcall(L, 0, 1, 0) != LUA_OK || !lua_istable(L, -1)) {
    *err = rs_sprintf("hồ sơ cấu hình %s phải trả về một bảng dữ liệu: %s", path,
                      lua_isstring(L, -1) ? lua_tostring(L, -1) : "");
    goto out;
  }
  lua_getfield(L, -1, "name");
  if (!lua_isstring(L, -1)) {
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    p->name = rs_strndup(b, strlen(b) > 4 ? strlen(b) - 4 : strlen(b));
  } else {
    p->name = rs_strdup(lua_tostring(L, -1));
  }
  lua_pop(L, 1);
  lua_getfield(L, -1, "extends");
  if (lua_isstring(L, -1)) p->extends = rs_strdup(lua_tostring(L, -1));
  lua_pop(L, 1);
  lua_getfield(L, -1, "description");
  if (lua_isstring(L, -1)) p->description = rs_strdup(lua_tostring(L, -1));
  lua_pop(L, 1);
  /* detect = { {"6 tháng đầu năm", "cải cách hành chính"}, "..." } */
  lua_getfield(L, -1, "detect");
  if (lua_istable(L, -1)) {
    size_t n = lua_rawlen(L, -1);
    p->detect = calloc(n + 1, sizeof *p->detect);
    for (size_t i = 1; p->detect && i <= n; i++) {
      lua_rawgeti(L, -1, (lua_Integer)i);
      size_t m = lua_istable(L, -1) ? lua_rawlen(L, -1) : 1;
      char **entry = calloc(m + 1, sizeof *entry);
      for (size_t k = 1; entry && k <= m; k++) {
        if (lua_istable(L, -1)) lua_rawgeti(L, -1, (lua_Integer)k);
        else lua_pushvalue(L, -1);
        const char *s = lua_tostring(L, -1);
        char buf[512];
        lower_utf8(s ? s : "", buf, sizeof buf);
        entry[k - 1] = rs_strdup(buf);
        lua_pop(L, 1);
      }
      p->detect[p->ndetect++] = entry;
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  /* packs and rules: name = true|false|"off"|"info"|"warning"|"error" */
  const char *keys[] = {"packs", "rules"};
  for (int k = 0; k < 2; k++) {
    lua_getfield(L, -1, keys[k]);
    if (lua_istable(L, -1)) {
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        if (lua_type(L, -2) == LUA_TSTRING) {
          int sev = -1;
          if (lua_isboolean(L, -1)) sev = lua_toboolean(L, -1) ? -1 : RS_SEV_OFF;
          else if (lua_isstring(L, -1)) {
            rs_severity s;
            if (rs_severity_parse(lua_tostring(L, -1), &s) == 0) sev = (int)s;
            else {
              *err = rs_sprintf("hồ sơ %s: mức độ không hợp lệ \"%s\" cho %s (dùng off, info, warning, error)",
                                path, lua_tostring(L, -1), lua_tostring(L, -2));
              lua_pop(L, 3);
              goto out;
            }
          }
          void *ns = realloc(p->settings, (p->nsettings + 1) * sizeof *p->settings);
          if (ns) {
            p->settings = ns;
            /* packs first (k=0), then rules: rules are more specific */
            p->settings[p->nsettings].id = rs_strdup(lua_tostring(L, -2));
            p->settings[p->nsettings].sev = sev;
            p->nsettings++;
          }
        }
        lua_pop(L, 1);
      }
    }
    lua_pop(L, 1);
  }
  p->path = rs_strdup(path);
  p->source = src;
  p->srclen = len;
  src = NULL;
  rc = 0;
out:
  free(src);
  lua_close(L);
  return rc;
}

static void profile_free(rs_profile *p) {
  free(p->name);
  free(p->path);
  free(p->extends);
  free(p->description);
  for (size_t i = 0; i < p->ndetect; i++) {
    for (char **s = p->detect[i]; s && *s; s++) free(*s);
    free(p->detect[i]);
  }
  free(p->detect);
  for (size_t i = 0; i < p->nsettings; i++) free(p->settings[i].id);
  free(p->settings);
  free(p->source);
}

static int find_profile(const rs_engine *e, const char *name) {
  for (size_t i = 0; i < e->nprofiles; i++)
    if (!strcmp(e->profiles[i].name, name)) return (int)i;
  return -1;
}

static int add_profile(rs_engine *e, const char *path, char **err) {
  rs_profile p;
  int rc = parse_profile(path, &p, err);
  if (rc) return rc;
  int old = find_profile(e, p.name);
  if (old >= 0) {
    /* a later file with the same name (e.g. --profile FILE) replaces it */
    profile_free(&e->profiles[old]);
    e->profiles[old] = p;
    return old;
  }
  rs_profile *np = realloc(e->profiles, (e->nprofiles + 1) * sizeof *np);
  if (!np) {
    profile_free(&p);
    return RS_ENOMEM;
  }
  e->profiles = np;
  e->profiles[e->nprofiles] = p;
  return (int)e->nprofiles++;
}

int rs_engine_load_profiles(rs_engine *e, const char *rules_dir, char **err) {
  free(e->rules_dir);
  e->rules_dir = rs_strdup(rules_dir);
  char *pdir = rs_sprintf("%s/profiles", rules_dir);
  size_t n;
  char **files = list_dir(pdir, 0, ".lua", &n);
  for (size_t i = 0; files && i < n; i++) {
    char *path = rs_sprintf("%s/%s", pdir, files[i]);
    int rc = add_profile(e, path, err);
    free(path);
    if (rc < 0) {
      free_list(files, n);
      free(pdir);
      return rc;
    }
  }
  free_list(files, n);
  free(pdir);
  if (e->forced_profile) {
    int idx = find_profile(e, e->forced_profile);
    if (idx < 0) {
      struct stat st;
      if (stat(e->forced_profile, &st) != 0) {
        *err = rs_sprintf("không tìm thấy hồ sơ cấu hình \"%s\" (xem `rasoat profiles` hoặc chỉ ra tệp .lua)",
                          e->forced_profile);
        return RS_EUSAGE;
      }
      idx = add_profile(e, e->forced_profile, err);
      if (idx < 0) return idx;
    }
    e->forced_index = idx;
  }
  /* extends chains must resolve */
  for (size_t i = 0; i < e->nprofiles; i++) {
    const rs_profile *p = &e->profiles[i];
    int depth = 0;
    while (p->extends) {
      int j = find_profile(e, p->extends);
      if (j < 0 || ++depth > 16) {
        *err = rs_sprintf("hồ sơ %s mở rộng hồ sơ không có hoặc lặp vòng: %s", e->profiles[i].name,
                          p->extends);
        return RS_EUSAGE;
      }
      p = &e->profiles[j];
    }
  }
  int d = find_profile(e, "cchc-6-thang");
  e->default_index = d >= 0 ? d : 0;
  return 0;
}

int rs_engine_override(rs_engine *e, const char *spec, char **err) {
  const char *eq = strchr(spec, '=');
  rs_severity sev;
  if (!eq || eq == spec || rs_severity_parse(eq + 1, &sev) != 0) {
    *err = rs_sprintf("--rule cần dạng MÃ=off|info|warning|error, nhận được \"%s\"", spec);
    return RS_EUSAGE;
  }
  rs_rule_override *no = realloc(e->overrides, (e->noverrides + 1) * sizeof *no);
  if (!no) return RS_ENOMEM;
  e->overrides = no;
  e->overrides[e->noverrides].id = rs_strndup(spec, (size_t)(eq - spec));
  e->overrides[e->noverrides].sev = sev;
  e->noverrides++;
  return 0;
}

/* does setting id (a pack or a rule id) apply to rule_id? */
static int setting_matches(const char *id, const char *rule_id) {
  if (!strcmp(id, rule_id)) return 2;
  size_t l = strlen(id);
  if (!strchr(id, '/') && !strncmp(rule_id, id, l) && rule_id[l] == '/') return 1;
  return 0;
}

static void apply_settings(const rs_engine *e, const rs_profile *p, const rs_rule *r, int *sev) {
  if (p->extends) {
    int j = find_profile(e, p->extends);
    if (j >= 0) apply_settings(e, &e->profiles[j], r, sev);
  }
  /* packs, then rules */
  for (int pass = 1; pass <= 2; pass++)
    for (size_t i = 0; i < p->nsettings; i++)
      if (setting_matches(p->settings[i].id, r->info.id) == pass)
        *sev = p->settings[i].sev < 0 ? (int)r->info.default_severity : p->settings[i].sev;
}

static void resolve(rs_engine *e) {
  size_t np = e->nprofiles ? e->nprofiles : 1;
  free(e->resolved);
  e->resolved = calloc(np * (e->nrules ? e->nrules : 1), sizeof *e->resolved);
  if (!e->resolved) return;
  for (size_t pi = 0; pi < np; pi++) {
    for (size_t ri = 0; ri < e->nrules; ri++) {
      const rs_rule *r = &e->rules[ri];
      int sev = (int)r->info.default_severity;
      if (e->nprofiles) apply_settings(e, &e->profiles[pi], r, &sev);
      for (int pass = 1; pass <= 2; pass++)
        for (size_t k = 0; k < e->noverrides; k++)
          if (setting_matches(e->overrides[k].id, r->info.id) == pass) sev = (int)e->overrides[k].sev;
      if (r->source == NULL) sev = RS_SEV_OFF; /* failed validation */
      e->resolved[pi * e->nrules + ri] = sev;
    }
  }
  /* the severity shown by `rules`: under the forced or default profile */
  size_t shown = e->forced_index >= 0 ? (size_t)e->forced_index : (size_t)e->default_index;
  if (shown >= np) shown = 0;
  free(e->infos);
  e->infos = calloc(e->nrules ? e->nrules : 1, sizeof *e->infos);
  for (size_t ri = 0; e->infos && ri < e->nrules; ri++) {
    e->rules[ri].info.severity = (rs_severity)e->resolved[shown * e->nrules + ri];
    e->infos[ri] = e->rules[ri].info;
  }
}

/* ---- validation ---- */

/* "@path" as chunk name: errors read "plugins/x/y.lua:12: ..." */
static int load_rule_chunk(lua_State *L, const rs_rule *r) {
  char *name = rs_sprintf("@%s", r->info.path);
  int st = rs_chunk_load(L, r->source, r->srclen, name ? name : r->info.path);
  free(name);
  return st;
}

static const char *const rule_fields[] = {"id", "description", "severity", "basis", "examples", "check",
                                          "fixable", "tags", NULL};

/* Examples: strings, { text = ... }, or { file = "fixtures/x.docx",
 * findings = N } for layout rules (stored as "@file:N:path", N = -1 when
 * any positive number of findings is expected). */
static char **string_array(lua_State *L, int idx, int want_text_field, int *bad) {
  size_t n = lua_rawlen(L, idx);
  char **v = calloc(n + 1, sizeof *v);
  for (size_t i = 1; v && i <= n; i++) {
    lua_rawgeti(L, idx, (lua_Integer)i);
    if (want_text_field && lua_istable(L, -1)) {
      if (lua_getfield(L, -1, "file") == LUA_TSTRING) {
        lua_getfield(L, -2, "findings");
        long long cnt = lua_isinteger(L, -1) ? (long long)lua_tointeger(L, -1) : -1;
        lua_pop(L, 1);
        v[i - 1] = rs_sprintf("@file:%lld:%s", cnt, lua_tostring(L, -1));
        lua_pop(L, 2);
        continue;
      }
      lua_pop(L, 1);
      lua_getfield(L, -1, "text");
      lua_replace(L, -2);
    }
    if (lua_type(L, -1) != LUA_TSTRING) *bad = 1;
    else v[i - 1] = rs_strdup(lua_tostring(L, -1));
    lua_pop(L, 1);
  }
  return v;
}

static void free_strv(char **v) {
  for (char **s = v; s && *s; s++) free(*s);
  free(v);
}

/* Validate the rule table at the top of L; fills r->info. Returns NULL or
 * an error message (malloc'd). */
static char *validate_rule(lua_State *L, rs_rule *r) {
  if (!lua_istable(L, -1)) return rs_sprintf("tệp quy tắc phải trả về một bảng (nhận %s)", luaL_typename(L, -1));
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    int known = 0;
    if (lua_type(L, -2) == LUA_TSTRING)
      for (const char *const *f = rule_fields; *f; f++)
        if (!strcmp(*f, lua_tostring(L, -2))) known = 1;
    if (!known) {
      char *m = rs_sprintf("trường không hợp lệ \"%s\" trong quy tắc (các trường: id, description, severity, "
                           "basis, examples, check)",
                           lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?");
      lua_pop(L, 2);
      return m;
    }
    lua_pop(L, 1);
  }
  lua_getfield(L, -1, "id");
  if (!lua_isstring(L, -1)) {
    lua_pop(L, 1);
    return rs_sprintf("thiếu trường id");
  }
  if (strcmp(lua_tostring(L, -1), r->info.id)) {
    char *m = rs_sprintf("id \"%s\" không khớp với đường dẫn tệp (cần \"%s\")", lua_tostring(L, -1), r->info.id);
    lua_pop(L, 1);
    return m;
  }
  lua_pop(L, 1);
  const char *req[] = {"description", "basis"};
  for (int i = 0; i < 2; i++) {
    lua_getfield(L, -1, req[i]);
    if (lua_type(L, -1) != LUA_TSTRING || lua_rawlen(L, -1) == 0) {
      lua_pop(L, 1);
      return rs_sprintf("thiếu trường %s (chuỗi)", req[i]);
    }
    char *v = rs_strdup(lua_tostring(L, -1));
    if (i == 0) {
      free(r->info.description);
      r->info.description = v;
    } else {
      free(r->info.basis);
      r->info.basis = v;
    }
    lua_pop(L, 1);
  }
  lua_getfield(L, -1, "severity");
  rs_severity sev;
  if (!lua_isstring(L, -1) || rs_severity_parse(lua_tostring(L, -1), &sev) || sev == RS_SEV_OFF) {
    lua_pop(L, 1);
    return rs_sprintf("trường severity phải là \"info\", \"warning\" hoặc \"error\"");
  }
  r->info.default_severity = sev;
  lua_pop(L, 1);
  lua_getfield(L, -1, "check");
  if (!lua_isfunction(L, -1)) {
    lua_pop(L, 1);
    return rs_sprintf("thiếu hàm check(doc, ctx)");
  }
  lua_pop(L, 1);
  lua_getfield(L, -1, "fixable");
  r->fixable = lua_toboolean(L, -1);
  lua_pop(L, 1);
  lua_getfield(L, -1, "examples");
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    return rs_sprintf("thiếu trường examples = { valid = {...}, invalid = {...} }");
  }
  int bad = 0;
  lua_getfield(L, -1, "valid");
  free_strv(r->info.valid);
  r->info.valid = lua_istable(L, -1) ? string_array(L, lua_gettop(L), 1, &bad) : calloc(1, sizeof(char *));
  lua_pop(L, 1);
  lua_getfield(L, -1, "invalid");
  free_strv(r->info.invalid);
  r->info.invalid = lua_istable(L, -1) ? string_array(L, lua_gettop(L), 1, &bad) : calloc(1, sizeof(char *));
  lua_pop(L, 2);
  if (bad) return rs_sprintf("mỗi ví dụ là một chuỗi hoặc { text = ..., submission = ..., deadline = ..., profile = ... }");
  return NULL;
}

/* Run a chunk function (at the top) in a fresh env under the budget; leaves
 * its result or an error message; returns the lua status. */
static int run_chunk(rs_worker *w) {
  lua_State *L = w->L;
  rs_sandbox_newenv(L);
  if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
  lua_pushcfunction(L, rs_msgh);
  lua_insert(L, -2);
  int base = lua_gettop(L) - 1;
  rs_budget_begin(w);
  int st = lua_pcall(L, 0, 1, base);
  rs_budget_end(w);
  lua_remove(L, base);
  return st;
}

static rs_worker *worker_new(const rs_engine *e, int load_rules);

int rs_engine_validate(rs_engine *e) {
  rs_worker *w = worker_new(e, 0);
  if (!w) return RS_ENOMEM;
  int failed = 0;
  for (size_t i = 0; i < e->nrules; i++) {
    rs_rule *r = &e->rules[i];
    lua_State *L = w->L;
    int top = lua_gettop(L);
    char *msg = NULL;
    if (load_rule_chunk(L, r) != LUA_OK) {
      msg = rs_sprintf("lỗi cú pháp: %s", lua_tostring(L, -1));
    } else if (run_chunk(w) != LUA_OK) {
      msg = rs_sprintf("lỗi khi nạp: %s", lua_tostring(L, -1));
    } else {
      msg = validate_rule(L, r);
    }
    lua_settop(L, top);
    if (msg) {
      load_diag(e, r->info.path, "Không nạp được quy tắc %s: %s", r->info.id, msg);
      free(msg);
      free(r->source);
      r->source = NULL;
      if (!r->info.description) r->info.description = rs_strdup("(không nạp được)");
      if (!r->info.basis) r->info.basis = rs_strdup("");
      if (!r->info.default_severity) r->info.default_severity = RS_SEV_ERROR;
      failed++;
    }
  }
  /* Its state holds every lib() module and data file already loaded: the
   * first worker starts from it (unless a rule failed to load: then start
   * clean). */
  if (!failed && e->shared) {
    lua_gc(w->L, LUA_GCCOLLECT);
    e->shared->spare = w;
  } else {
    rs_worker_free(w);
  }
  resolve(e);
  return failed;
}

void rs_engine_free(rs_engine *e) {
  shared_free(e->shared); /* first: a spare worker still looks at the rules */
  e->shared = NULL;
  for (size_t i = 0; i < e->nrules; i++) {
    rs_rule_info *in = &e->rules[i].info;
    free(in->id);
    free(in->description);
    free(in->basis);
    free(in->path);
    free_strv(in->valid);
    free_strv(in->invalid);
    free(e->rules[i].source);
  }
  free(e->rules);
  free(e->infos);
  rs_diags_free(&e->load_diags);
  for (size_t i = 0; i < e->nprofiles; i++) profile_free(&e->profiles[i]);
  free(e->profiles);
  for (size_t i = 0; i < e->noverrides; i++) free(e->overrides[i].id);
  free(e->overrides);
  for (size_t i = 0; i < e->nlib_dirs; i++) free(e->lib_dirs[i]);
  free(e->lib_dirs);
  for (size_t i = 0; i < e->ntables; i++) rs_table_free(e->tables[i]);
  free(e->tables);
  if (e->manifest_keys)
    for (size_t r = 0; e->manifest && r < e->manifest->nrows; r++) free(e->manifest_keys[r]);
  free(e->manifest_keys);
  if (e->manifest) rs_table_free(e->manifest);
  free(e->manifest_index);
  free(e->resolved);
  free(e->forced_profile);
  free(e->deadline);
  free(e->rules_dir);
  memset(e, 0, sizeof *e);
}

/* ---- worker ---- */

/* Host-side Lua: document methods and profile merging. Runs with the full
 * base library; rules never see this environment. */
static const char PRELUDE[] =
    "local M = {}\n"
    "local function iter(list)\n"
    "  local i, n = 0, list and #list or 0\n"
    "  return function() i = i + 1; if i <= n then return list[i] end end\n"
    "end\n"
    "function M.facts(self, kind)\n"
    "  if kind == nil then return iter(self.facts_list) end\n"
    "  return iter(self.facts_by_kind[kind])\n"
    "end\n"
    "function M.fact(self, kind) local l = self.facts_by_kind[kind]; return l and l[1] end\n"
    "function M.count(self, kind) local l = self.facts_by_kind[kind]; return l and #l or 0 end\n"
    "function M.para(self, i) return self.paragraphs[i] end\n"
    "function M.text(self, span)\n"
    "  local p = self.paragraphs[span.p]; if not p then return nil end\n"
    "  return string.sub(p.text, span.s or 1, span.e or -1)\n"
    "end\n"
    "function M.section_of(self, p)\n"
    "  local best\n"
    "  for _, s in ipairs(self.sections) do\n"
    "    if s.p <= p and p <= s.end_p and (not best or s.level > best.level) then best = s end\n"
    "  end\n"
    "  return best\n"
    "end\n"
    "local function merge(base, over)\n"
    "  local r = {}\n"
    "  for k, v in pairs(base or {}) do r[k] = v end\n"
    "  for k, v in pairs(over or {}) do\n"
    "    if type(v) == 'table' and type(r[k]) == 'table' and #v == 0 and next(v) ~= nil then r[k] = merge(r[k], v)\n"
    "    else r[k] = v end\n"
    "  end\n"
    "  return r\n"
    "end\n"
    "M.__merge = merge\n"
    "return M\n";

static int find_lib(lua_State *L);
static int load_rules_data(lua_State *L);

static void load_rule_chunks(rs_worker *w);

rs_worker *rs_worker_new_fresh(const rs_engine *e) { return worker_new(e, 1); }

rs_worker *rs_worker_new(const rs_engine *e) {
  rs_worker *w = NULL;
  if (e->shared) {
    pthread_mutex_lock(&e->shared->mu);
    w = e->shared->spare;
    e->shared->spare = NULL;
    pthread_mutex_unlock(&e->shared->mu);
  }
  if (!w) return worker_new(e, 1);
  load_rule_chunks(w);
  return w;
}

/* registry[CHUNKS_KEY][i] = rule i's compiled chunk */
static void load_rule_chunks(rs_worker *w) {
  const rs_engine *e = w->e;
  lua_State *L = w->L;
  lua_createtable(L, (int)e->nrules, 0);
  for (size_t i = 0; i < e->nrules; i++) {
    const rs_rule *r = &e->rules[i];
    if (!r->source) continue;
    if (load_rule_chunk(L, r) == LUA_OK)
      lua_rawseti(L, -2, (lua_Integer)i + 1);
    else
      lua_pop(L, 1);
  }
  lua_setfield(L, LUA_REGISTRYINDEX, CHUNKS_KEY);
}

/* load_rules = 0 for the validating worker, which compiles each rule itself. */
static rs_worker *worker_new(const rs_engine *e, int load_rules) {
  rs_worker *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  w->e = e;
  w->profile_index = -1;
  w->submission = -1;
  if (getenv("RASOAT_PROFILE")) w->prof = calloc(e->nrules ? e->nrules : 1, sizeof *w->prof);
  if (rs_sandbox_open(w)) {
    free(w);
    return NULL;
  }
  lua_State *L = w->L;
  rs_spell_open(w);
  rs_spell_prefetch(w);
  if (luaL_loadbufferx(L, PRELUDE, sizeof PRELUDE - 1, "=prelude", "t") != LUA_OK ||
      lua_pcall(L, 0, 1, 0) != LUA_OK) {
    fprintf(stderr, "rasoat: internal error in prelude: %s\n", lua_tostring(L, -1));
    rs_worker_free(w);
    return NULL;
  }
  lua_setfield(L, LUA_REGISTRYINDEX, METHODS_KEY);

  /* lib(name) and rules_data(name) for rules */
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, LIBS_KEY);
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, RULESDATA_KEY);
  lua_getfield(L, LUA_REGISTRYINDEX, "rasoat.globals");
  lua_pushcfunction(L, find_lib);
  lua_setfield(L, -2, "lib");
  lua_pushcfunction(L, load_rules_data);
  lua_setfield(L, -2, "rules_data");
  lua_pop(L, 1);

  /* compiled rule chunks */
  if (load_rules) load_rule_chunks(w);

  /* profile options: loaded as data, merged along `extends`, frozen */
  lua_newtable(L);
  for (size_t i = 0; i < e->nprofiles; i++) {
    const rs_profile *p = &e->profiles[i];
    if (luaL_loadbufferx(L, p->source, p->srclen, p->path, "t") != LUA_OK) {
      lua_pop(L, 1);
      continue;
    }
    lua_newtable(L);
    lua_setupvalue(L, -2, 1);
    if (lua_pcall(L, 0, 1, 0) != LUA_OK || !lua_istable(L, -1)) {
      lua_pop(L, 1);
      continue;
    }
    lua_setfield(L, -2, p->name);
  }
  /* merged[name] = merge(merged[extends], raw.options) */
  int raw_idx = lua_gettop(L);
  lua_newtable(L); /* merged */
  for (size_t i = 0; i < e->nprofiles; i++) {
    /* collect the chain */
    const rs_profile *chain[17];
    int n = 0;
    const rs_profile *p = &e->profiles[i];
    while (p && n < 17) {
      chain[n++] = p;
      int j = p->extends ? find_profile(e, p->extends) : -1;
      p = j >= 0 ? &e->profiles[j] : NULL;
    }
    lua_newtable(L);
    for (int k = n - 1; k >= 0; k--) {
      lua_getfield(L, LUA_REGISTRYINDEX, METHODS_KEY);
      lua_getfield(L, -1, "__merge");
      lua_remove(L, -2);
      lua_insert(L, -2);
      lua_getfield(L, raw_idx, chain[k]->name);
      if (lua_istable(L, -1)) lua_getfield(L, -1, "options");
      else lua_pushnil(L);
      lua_remove(L, -2);
      lua_call(L, 2, 1);
    }
    lua_pushstring(L, e->profiles[i].name);
    lua_setfield(L, -2, "name");
    lua_setfield(L, -2, e->profiles[i].name);
  }
  lua_remove(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, PROFILES_KEY);

  /* data tables: by position and by name */
  lua_newtable(L);
  for (size_t i = 0; i < e->ntables; i++) {
    rs_luadoc_push_table(L, e->tables[i]);
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, (lua_Integer)i + 1);
    lua_setfield(L, -2, e->tables[i]->name);
  }
  lua_setfield(L, LUA_REGISTRYINDEX, DATA_KEY);
  return w;
}

void rs_worker_free(rs_worker *w) {
  if (!w) return;
  if (w->prof) {
    for (size_t i = 0; i < w->e->nrules; i++)
      if (w->prof[i] > 0) fprintf(stderr, "rasoat-profile\t%.4f\t%s\n", w->prof[i], w->e->rules[i].info.id);
    fprintf(stderr, "rasoat-profile\t%.4f\t(facts)\n", w->prof_facts);
    free(w->prof);
  }
  if (w->L) lua_close(w->L);
  rs_spell_release(w);
  free(w);
}

const char *rs_worker_profile_name(const rs_worker *w) { return w->profile_name; }

static rs_worker *worker_of(lua_State *L) { return *(rs_worker **)lua_getextraspace(L); }

/* lib(name): a shared helper module from <plugins>/lib/<name>.lua, loaded
 * once per worker in its own sandbox env, read-only. */
static int find_lib(lua_State *L) {
  rs_worker *w = worker_of(L);
  const char *name = luaL_checkstring(L, 1);
  for (const char *c = name; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
      return luaL_error(L, "lib: bad module name '%s'", name);
  lua_getfield(L, LUA_REGISTRYINDEX, LIBS_KEY);
  if (lua_getfield(L, -1, name) != LUA_TNIL) return 1;
  lua_pop(L, 1);
  int found = 0;
  for (size_t i = 0; !found && i < w->e->nlib_dirs; i++) {
    char *path = rs_sprintf("%s/%s.lua", w->e->lib_dirs[i], name);
    size_t len;
    char *src = path ? read_file(path, &len, 1 << 20) : NULL;
    if (!src) {
      free(path);
      continue;
    }
    char *cname = rs_sprintf("@%s", path);
    int st = rs_chunk_load(L, src, len, cname ? cname : path);
    free(cname);
    free(src);
    free(path);
    if (st != LUA_OK) return lua_error(L);
    found = 1;
  }
  if (!found) return luaL_error(L, "lib: no module '%s'", name);
  rs_sandbox_newenv(L);
  lua_setupvalue(L, -2, 1);
  lua_call(L, 0, 1);
  rs_freeze(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, name);
  return 1;
}

/* rules_data(name): a data-only policy file rules/<name>.lua (loaded in an
 * empty environment), read-only, cached per worker. */
static int load_rules_data(lua_State *L) {
  rs_worker *w = worker_of(L);
  const char *name = luaL_checkstring(L, 1);
  for (const char *c = name; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
      return luaL_error(L, "rules_data: bad name '%s'", name);
  lua_getfield(L, LUA_REGISTRYINDEX, RULESDATA_KEY);
  if (lua_getfield(L, -1, name) != LUA_TNIL) return 1;
  lua_pop(L, 1);
  char *path = rs_sprintf("%s/%s.lua", w->e->rules_dir ? w->e->rules_dir : "rules", name);
  size_t len;
  char *src = path ? read_file(path, &len, 8 << 20) : NULL;
  if (!src) {
    free(path);
    return luaL_error(L, "rules_data: no file rules/%s.lua", name);
  }
  int st = rs_chunk_load(L, src, len, path);
  free(src);
  free(path);
  if (st != LUA_OK) return lua_error(L);
  lua_newtable(L);
  lua_setupvalue(L, -2, 1);
  /* policy data can be large: load it outside the rule's memory budget */
  size_t lim = w->mem_limit;
  w->mem_limit = 0;
  st = lua_pcall(L, 0, 1, 0);
  w->mem_limit = lim;
  if (st != LUA_OK) return lua_error(L);
  rs_freeze(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, name);
  return 1;
}

/* ---- running rules ---- */

static int get_int_field(lua_State *L, int idx, const char *k, lua_Integer *out) {
  int t = lua_getfield(L, idx, k);
  int ok = 0;
  if (t == LUA_TNUMBER && lua_isinteger(L, -1)) {
    *out = lua_tointeger(L, -1);
    ok = 1;
  } else if (t == LUA_TNUMBER) {
    lua_Number n = lua_tonumber(L, -1);
    if (n == (lua_Number)(lua_Integer)n) {
      *out = (lua_Integer)n;
      ok = 1;
    }
  }
  lua_pop(L, 1);
  return ok ? 1 : (t == LUA_TNIL ? 0 : -1);
}

/* ctx.report{span = {p=, s=, e=}, message = "...", suggestion = "..."} */
static int ctx_report(lua_State *L) {
  rs_worker *w = worker_of(L);
  rs_call *run = w->run;
  if (!run) return luaL_error(L, "report called outside a rule");
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_getfield(L, 1, "message");
  if (lua_type(L, -1) != LUA_TSTRING) return luaL_error(L, "report: message (string) is required");
  const char *msg = lua_tostring(L, -1);
  lua_getfield(L, 1, "suggestion");
  const char *sug = lua_isstring(L, -1) ? lua_tostring(L, -1) : NULL;
  if (!lua_isnil(L, -1) && !sug) return luaL_error(L, "report: suggestion must be a string");
  const rs_doc *d = run->doc;
  int para = -1;
  uint32_t s = 0, e = 0;
  int st = lua_getfield(L, 1, "span");
  if (st != LUA_TNIL) {
    if (st != LUA_TTABLE && st != LUA_TUSERDATA) return luaL_error(L, "report: span must be a table {p=, s=, e=}");
    int sidx = lua_gettop(L);
    lua_Integer p = 0, a = 0, b = 0;
    if (get_int_field(L, sidx, "p", &p) != 1) return luaL_error(L, "report: bad span (p must be an integer)");
    if (p < 1 || (size_t)p > d->npara)
      return luaL_error(L, "report: bad span (paragraph %d of %d)", (int)p, (int)d->npara);
    const rs_para *pp = &d->paras[p - 1];
    int ha = get_int_field(L, sidx, "s", &a), hb = get_int_field(L, sidx, "e", &b);
    if (ha < 0 || hb < 0) return luaL_error(L, "report: bad span (s and e must be integers)");
    if (ha == 0) a = 1;
    if (hb == 0) b = (lua_Integer)pp->len;
    if (a < 1 || b < a - 1 || (size_t)b > pp->len)
      return luaL_error(L, "report: bad span (s=%d, e=%d in a paragraph of %d bytes)", (int)a, (int)b,
                        (int)pp->len);
    para = (int)p - 1;
    s = (uint32_t)a - 1;
    e = (uint32_t)b;
    /* snap to code point boundaries */
    while (s > 0 && ((unsigned char)pp->text[s] & 0xC0) == 0x80) s--;
    while (e < pp->len && ((unsigned char)pp->text[e] & 0xC0) == 0x80) e++;
  }
  run->count++;
  if (run->found.n >= w->e->budget.max_findings) {
    run->capped = 1;
    lua_settop(L, 0);
    return 0;
  }
  rs_diag *g = rs_diags_add(&run->found, w->e->rules[run->rule].info.id, run->sev, "%s", msg);
  if (!g) return luaL_error(L, "report: out of memory");
  if (para >= 0) rs_diag_locate(g, d, para, s, e);
  else if (d->npara > 0) rs_diag_locate(g, d, 0, 0, 0);
  if (sug) rs_diag_set_suggestion(g, sug);
  lua_settop(L, 0);
  return 0;
}

/* ---- the manifest of submissions (--manifest) ---- */

enum { MANIFEST_PATH, MANIFEST_COMMUNE, MANIFEST_RECEIVED };

static int manifest_col_find(const rs_table *m, int field);

static const char *last_part(const char *p);

/* A path as the manifest is matched: composed (NFC), case-folded, with
 * '\\' as '/'. A manifest typed on Windows names "Xa-Dinh-Cao.docx" what the
 * folder holds as "xa-dinh-cao.docx", and a folder unpacked from an archive
 * made on a Mac holds "xã" decomposed (NFD) where the manifest has it
 * composed. NULL when out of memory. */
static char *path_key(const char *p) {
  utf8proc_uint8_t *k = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)p, 0, &k,
                                    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  char *s = n >= 0 ? (char *)k : rs_strdup(p); /* not UTF-8: as it is */
  if (n < 0) free(k);
  for (char *c = s; c && *c; c++)
    if (*c == '\\') *c = '/';
  return s;
}

/* qsort context: the manifest being indexed (rs_engine_index_manifest runs
 * once, before any worker) */
static char *const *index_keys;

static int cmp_row_part(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  int c = strcmp(last_part(index_keys[x]), last_part(index_keys[y]));
  return c ? c : (x < y ? -1 : x > y);
}

void rs_engine_index_manifest(rs_engine *e) {
  for (int f = 0; f < 3; f++) e->manifest_cols[f] = e->manifest ? manifest_col_find(e->manifest, f) : -1;
  free(e->manifest_index);
  e->manifest_index = NULL;
  const rs_table *m = e->manifest;
  if (e->manifest_keys)
    for (size_t r = 0; m && r < m->nrows; r++) free(e->manifest_keys[r]);
  free(e->manifest_keys);
  e->manifest_keys = NULL;
  if (!m || e->manifest_cols[0] < 0 || !m->nrows) return;
  e->manifest_keys = calloc(m->nrows, sizeof *e->manifest_keys);
  e->manifest_index = malloc(m->nrows * sizeof *e->manifest_index);
  if (!e->manifest_index || !e->manifest_keys) {
    free(e->manifest_index);
    free(e->manifest_keys);
    e->manifest_index = NULL;
    e->manifest_keys = NULL;
    return;
  }
  for (size_t r = 0; r < m->nrows; r++) {
    e->manifest_index[r] = r;
    e->manifest_keys[r] = path_key(m->rows[r][e->manifest_cols[0]]);
    if (!e->manifest_keys[r]) e->manifest_keys[r] = rs_strdup("");
  }
  index_keys = e->manifest_keys;
  qsort(e->manifest_index, m->nrows, sizeof *e->manifest_index, cmp_row_part);
}

int rs_engine_manifest_received(const rs_engine *e) { return e->manifest_cols[MANIFEST_RECEIVED] >= 0; }

/* column of a manifest field, by its English or Vietnamese header */
static int manifest_col_find(const rs_table *m, int field) {
  static const char *const names[][6] = {
      {"path", "tệp", "tep", "file", "đường dẫn", NULL},
      {"commune", "xã", "xa", "đơn vị", "don_vi", NULL},
      {"received", "ngày nhận", "ngay_nhan", "received_date", "ngày", NULL},
  };
  for (size_t c = 0; c < m->ncols; c++) {
    char low[128];
    lower_utf8(m->headers[c], low, sizeof low);
    for (const char *const *n = names[field]; *n; n++)
      if (!strcmp(low, *n)) return (int)c;
  }
  return field == MANIFEST_PATH && m->ncols > 0 ? 0 : -1;
}

/* the column of a manifest field, found once by rs_engine_index_manifest */
static int manifest_col(const rs_engine *e, int field) { return e->manifest_cols[field]; }

static const char *base_name(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

/* How many trailing path components a and b share ("x/huyen-a/bc.docx"
 * and "huyen-a/bc.docx": 2). A backslash separates components too: a
 * manifest typed on Windows says "huyen-a\bc.docx". */
#define IS_SEP(c) ((c) == '/' || (c) == '\\')
static size_t common_tail(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b), n = 0;
  while (la && lb) {
    size_t sa = la, sb = lb;
    while (sa && !IS_SEP(a[sa - 1])) sa--;
    while (sb && !IS_SEP(b[sb - 1])) sb--;
    if (la - sa != lb - sb || memcmp(a + sa, b + sb, la - sa)) break;
    n++;
    if (!sa || !sb) break;
    la = sa - 1;
    lb = sb - 1;
  }
  return n;
}

/* the last component of a path (after its last separator) */
static const char *last_part(const char *p) {
  const char *r = p;
  for (; *p; p++)
    if (IS_SEP(*p)) r = p + 1;
  return r;
}

/* The manifest row of a checked file: the same path, else the row whose
 * path shares the most trailing folders with it (the manifest may list
 * paths from another root: "huyen-a/bao-cao.docx" and "huyen-b/bao-cao.docx"
 * are told apart), at least the file name; the first such row on a tie.
 * Only the rows with the same file name are looked at (the index). */
static int manifest_row(const rs_engine *e, const char *path) {
  const rs_table *m = e->manifest;
  const size_t *ix = e->manifest_index;
  char *const *keys = e->manifest_keys;
  int pc = manifest_col(e, MANIFEST_PATH);
  if (!m || !ix || !keys || pc < 0) return -1;
  char *key = path_key(path);
  if (!key) return -1;
  const char *name = last_part(key);
  int best = -1;
  size_t bestn = 0;
  if (*name) {
    size_t lo = 0, hi = m->nrows;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (strcmp(last_part(keys[ix[mid]]), name) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (size_t k = lo; k < m->nrows && !strcmp(last_part(keys[ix[k]]), name); k++) {
      if (!strcmp(m->rows[ix[k]][pc], path)) { /* the very path: rows in order, the first one */
        best = (int)ix[k];
        break;
      }
      size_t n = common_tail(keys[ix[k]], key);
      if (n > bestn) {
        bestn = n;
        best = (int)ix[k];
      }
    }
  }
  free(key);
  return best;
}

size_t rs_manifest_unmatched(const rs_engine *e, char *const *paths, size_t n, rs_file_result **out) {
  *out = NULL;
  const rs_table *m = e->manifest;
  int pc = manifest_col(e, MANIFEST_PATH), cc = manifest_col(e, MANIFEST_COMMUNE);
  if (!m || pc < 0 || !m->nrows) return 0;
  char *used = calloc(m->nrows, 1);
  if (!used) return 0;
  for (size_t i = 0; i < n; i++) {
    int r = manifest_row(e, paths[i]);
    if (r >= 0) used[r] = 1;
  }
  size_t k = 0;
  for (size_t r = 0; r < m->nrows; r++)
    if (!used[r] && *m->rows[r][pc]) k++;
  rs_file_result *v = k ? calloc(k, sizeof *v) : NULL;
  if (!v) {
    free(used);
    return 0;
  }
  size_t j = 0;
  for (size_t r = 0; r < m->nrows; r++) {
    if (used[r] || !*m->rows[r][pc]) continue;
    rs_file_result *fr = &v[j++];
    const char *path = m->rows[r][pc];
    const char *format = NULL;
    rs_reader_for(path, &format);
    fr->path = rs_strdup(path);
    fr->format = format ? format : "unknown";
    fr->status = RS_FILE_FAILED;
    fr->not_found = 1;
    fr->late = -1;
    fr->commune = rs_strdup(cc >= 0 && *m->rows[r][cc] ? m->rows[r][cc] : base_name(path));
    fr->error = rs_sprintf("không tìm thấy tệp: có trong danh sách nhận (--manifest, mục thứ %zu) nhưng không có "
                           "trong các tệp được kiểm tra; kiểm tra lại đường dẫn, hoặc đơn vị chưa nộp",
                           r + 1);
  }
  free(used);
  *out = v;
  return k;
}

static void push_ctx(rs_worker *w, size_t rule, rs_severity sev, int example) {
  lua_State *L = w->L;
  lua_createtable(L, 0, 8);
  lua_pushcfunction(L, ctx_report);
  lua_setfield(L, -2, "report");
  lua_pushstring(L, w->e->rules[rule].info.id);
  lua_setfield(L, -2, "rule");
  lua_pushstring(L, rs_severity_name(sev));
  lua_setfield(L, -2, "severity");
  lua_pushstring(L, w->profile_name ? w->profile_name : "");
  lua_setfield(L, -2, "profile");
  lua_getfield(L, LUA_REGISTRYINDEX, PROFILES_KEY);
  if (w->profile_name) lua_getfield(L, -1, w->profile_name);
  else lua_pushnil(L);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_newtable(L);
  }
  lua_remove(L, -2);
  lua_setfield(L, -2, "options");
  lua_getfield(L, LUA_REGISTRYINDEX, DATA_KEY);
  lua_setfield(L, -2, "data");
  if (w->e->deadline) {
    lua_pushstring(L, w->e->deadline);
    lua_setfield(L, -2, "deadline");
  }
  if (w->submission >= 0) {
    const rs_table *m = w->e->manifest;
    lua_createtable(L, 0, 3);
    lua_pushstring(L, m->rows[w->submission][manifest_col(w->e, MANIFEST_PATH)]);
    lua_setfield(L, -2, "path");
    int cc = manifest_col(w->e, MANIFEST_COMMUNE), rc = manifest_col(w->e, MANIFEST_RECEIVED);
    if (cc >= 0) {
      lua_pushstring(L, m->rows[w->submission][cc]);
      lua_setfield(L, -2, "commune");
    }
    if (rc >= 0) {
      lua_pushstring(L, m->rows[w->submission][rc]);
      lua_setfield(L, -2, "received");
    }
    lua_setfield(L, -2, "submission");
  }
  if (example) {
    /* rule tester: fields of the example override the run's */
    static const char *const fields[] = {"submission", "deadline", "data", NULL};
    for (const char *const *f = fields; *f; f++) {
      if (lua_getfield(L, example, *f) != LUA_TNIL) lua_setfield(L, -2, *f);
      else lua_pop(L, 1);
    }
  }
  rs_freeze(L);
}

static const char *failure_rule(const rs_worker *w) {
  if (w->flag_blocked) return "engine/rule-blocked";
  if (w->flag_memory) return "engine/rule-memory";
  if (w->flag_timeout) return "engine/rule-timeout";
  return "engine/rule-error";
}

/* first line of a Lua error, without the traceback */
static char *first_line(const char *m) {
  if (!m) return rs_strdup("?");
  const char *nl = strchr(m, '\n');
  return rs_strndup(m, nl ? (size_t)(nl - m) : strlen(m));
}

/* Runs rule i on the document whose proxy is at doc_idx. Returns 1 on
 * failure (an engine/… diagnostic added). */
static int run_rule_timed(rs_worker *w, rs_doc *d, size_t i, rs_severity sev, int doc_idx, rs_diags *into);

/* RASOAT_PROFILE=1: CPU time per rule on stderr when the worker ends */
static int run_rule(rs_worker *w, rs_doc *d, size_t i, rs_severity sev, int doc_idx, rs_diags *into) {
  if (!w->prof) return run_rule_timed(w, d, i, sev, doc_idx, into);
  struct timespec a, b;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
  int rc = run_rule_timed(w, d, i, sev, doc_idx, into);
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
  w->prof[i] += (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
  return rc;
}

/* Append src's findings to dst (those that do not fit when memory runs out
 * are dropped) and leave src empty. */
static void diags_move(rs_diags *dst, rs_diags *src) {
  for (size_t k = 0; k < src->n; k++) {
    if (dst->n == dst->cap) {
      size_t nc = dst->cap ? dst->cap * 2 : 16;
      rs_diag *nv = realloc(dst->v, nc * sizeof *nv);
      if (!nv) {
        rs_diag_free(&src->v[k]);
        continue;
      }
      dst->v = nv;
      dst->cap = nc;
    }
    dst->v[dst->n++] = src->v[k];
  }
  free(src->v);
  memset(src, 0, sizeof *src);
}

/* The rule's findings (and the engine's finding when it fails) go to into:
 * d->diags, or the rule's own list when workers share the document. */
static int run_rule_timed(rs_worker *w, rs_doc *d, size_t i, rs_severity sev, int doc_idx, rs_diags *into) {
  lua_State *L = w->L;
  int top = lua_gettop(L);
  rs_call run;
  memset(&run, 0, sizeof run);
  run.doc = d;
  run.rule = i;
  run.sev = sev;
  w->run = &run;
  int failed = 0;
  char *err = NULL;

  lua_getfield(L, LUA_REGISTRYINDEX, CHUNKS_KEY);
  if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TFUNCTION) {
    lua_settop(L, top);
    w->run = NULL;
    return 0;
  }
  lua_remove(L, -2);
  /* a fresh rule table per document: no state survives between documents */
  if (run_chunk(w) != LUA_OK) {
    err = first_line(lua_tostring(L, -1));
    failed = 1;
  } else if (!lua_istable(L, -1) || lua_getfield(L, -1, "check") != LUA_TFUNCTION) {
    err = rs_strdup("quy tắc không còn hàm check");
    failed = 1;
  } else {
    /* stack: rule table, check */
    int fidx = lua_gettop(L);
    int ex = 0;
    if (w->test_kind) {
      /* rule tester: the example's own context (profile, submission, deadline) */
      if (lua_getfield(L, fidx - 1, "examples") == LUA_TTABLE && lua_getfield(L, -1, w->test_kind) == LUA_TTABLE &&
          lua_rawgeti(L, -1, w->test_index + 1) == LUA_TTABLE) {
        ex = lua_gettop(L);
        if (lua_getfield(L, ex, "profile") == LUA_TSTRING) {
          int pi = find_profile(w->e, lua_tostring(L, -1));
          if (pi >= 0) {
            w->profile_index = pi;
            w->profile_name = w->e->profiles[pi].name;
          }
        }
        lua_pop(L, 1);
      }
    }
    lua_pushcfunction(L, rs_msgh);
    int h = lua_gettop(L);
    lua_pushvalue(L, fidx);
    lua_pushvalue(L, doc_idx);
    push_ctx(w, i, sev, ex);
    rs_budget_begin(w);
    int st = lua_pcall(L, 2, 0, h);
    rs_budget_end(w);
    if (st == LUA_ERRMEM) w->flag_memory = 1;
    if (st != LUA_OK || w->flag_timeout || w->flag_memory || w->flag_blocked) {
      failed = 1;
      err = first_line(st != LUA_OK ? lua_tostring(L, -1) : "lỗi bị chính quy tắc bắt bằng pcall");
    }
  }
  lua_settop(L, top);
  w->run = NULL;

  const char *id = w->e->rules[i].info.id;
  if (failed) {
    const char *what = failure_rule(w);
    rs_diag *g;
    if (!strcmp(what, "engine/rule-blocked"))
      g = rs_diags_add(into, what, RS_SEV_ERROR,
                       "Quy tắc %s gọi hàm bị chặn trong hộp cát (%s); kết quả của quy tắc này bị bỏ qua", id,
                       w->blocked);
    else if (!strcmp(what, "engine/rule-memory"))
      g = rs_diags_add(into, what, RS_SEV_ERROR,
                       "Quy tắc %s dùng quá giới hạn bộ nhớ (%zu MiB); kết quả của quy tắc này bị bỏ qua", id,
                       w->e->budget.memory >> 20);
    else if (!strcmp(what, "engine/rule-timeout"))
      g = rs_diags_add(into, what, RS_SEV_ERROR,
                       "Quy tắc %s chạy quá giới hạn thời gian (%lld lệnh hoặc %lld ms); kết quả của quy tắc "
                       "này bị bỏ qua",
                       id, w->instr_budget, w->wall_budget_ms);
    else
      g = rs_diags_add(into, what, RS_SEV_ERROR, "Quy tắc %s bị lỗi: %s; kết quả của quy tắc này bị bỏ qua",
                       id, err ? err : "?");
    if (g && d->npara) rs_diag_locate(g, d, 0, 0, 0);
    if (g) {
      free(g->excerpt);
      g->excerpt = NULL;
    }
    rs_diags_free(&run.found);
    /* leave the state clean for the next rule */
    lua_gc(L, LUA_GCCOLLECT);
  } else {
    diags_move(into, &run.found);
    if (run.capped) {
      rs_diag *g = rs_diags_add(into, "engine/finding-cap", RS_SEV_INFO,
                                "Quy tắc %s báo %zu phát hiện; chỉ giữ %zu phát hiện đầu tiên", id, run.count,
                                w->e->budget.max_findings);
      if (g && d->npara) rs_diag_locate(g, d, 0, 0, 0);
    }
  }
  free(err);
  return failed;
}

/* ---- profile detection ---- */

static int choose_profile(const rs_worker *w, const rs_doc *d) {
  const rs_engine *e = w->e;
  if (e->forced_index >= 0) return e->forced_index;
  if (!e->nprofiles) return -1;
  /* the title: the summary/type lines, else the first paragraphs */
  char text[4096];
  size_t n = 0;
  int idx[] = {d->blocks.doc_type, d->blocks.summary, d->blocks.summary >= 0 ? d->blocks.summary + 1 : -1};
  for (int k = 0; k < 3; k++) {
    int i = idx[k];
    if (i < 0 || (size_t)i >= d->npara) continue;
    size_t l = d->paras[i].len;
    if (n + l + 2 >= sizeof text) break;
    memcpy(text + n, d->paras[i].text, l);
    n += l;
    text[n++] = ' ';
  }
  for (size_t i = 0; n < 200 && i < d->npara && i < 12; i++) {
    size_t l = d->paras[i].len;
    if (n + l + 2 >= sizeof text) break;
    memcpy(text + n, d->paras[i].text, l);
    n += l;
    text[n++] = ' ';
  }
  text[n] = 0;
  char low[8192];
  lower_utf8(text, low, sizeof low);
  int best = -1, bestscore = 0;
  for (size_t i = 0; i < e->nprofiles; i++) {
    const rs_profile *p = &e->profiles[i];
    for (size_t k = 0; k < p->ndetect; k++) {
      int score = 0, all = 1;
      for (char **s = p->detect[k]; s && *s; s++) {
        if ((*s)[0] == '!') {
          if (strstr(low, *s + 1)) all = 0; /* "!phrase": must not occur */
        } else if (strstr(low, *s)) {
          score += (int)strlen(*s);
        } else {
          all = 0;
        }
      }
      if (all && score > bestscore) {
        bestscore = score;
        best = (int)i;
      }
    }
  }
  return best >= 0 ? best : e->default_index;
}

/* The model and the facts, once per document (no Lua involved). */
static void prepare_doc(rs_doc *d) {
  if (d->prepared) return;
  struct timespec fa, fb;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &fa);
  rs_model_build(d);
  rs_facts_extract(d);
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &fb);
  d->prep_cpu += (double)(fb.tv_sec - fa.tv_sec) + (double)(fb.tv_nsec - fa.tv_nsec) / 1e9;
  d->prepared = 1;
}

/* ---- one document, several workers ----
 * When there are fewer documents than workers (a clerk checking one draft,
 * the last files of a bulk run), idle workers help: every worker on the
 * document takes its next rule from a common cursor and keeps that rule's
 * findings in the rule's own list; rs_share_finish joins the lists in rule
 * order, so the findings are exactly what one worker alone would make. */
struct rs_share {
  rs_doc *d;
  _Atomic size_t next; /* the next rule to take */
  size_t nrules;
  rs_diags *found;     /* per rule */
  pthread_mutex_t mu;  /* guards what follows */
  int failed;
  size_t skipped;      /* rules skipped past the document's time budget */
  size_t first_skipped;
  double prep_cpu;     /* reading the document (RASOAT_PROFILE) */
};

rs_share *rs_share_new(const rs_engine *e, rs_doc *d) {
  rs_share *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->found = calloc(e->nrules ? e->nrules : 1, sizeof *p->found);
  if (!p->found) {
    free(p);
    return NULL;
  }
  prepare_doc(d);
  p->prep_cpu = d->prep_cpu;
  d->prep_cpu = 0;
  p->d = d;
  p->nrules = e->nrules;
  atomic_init(&p->next, 0);
  p->first_skipped = (size_t)-1;
  pthread_mutex_init(&p->mu, NULL);
  return p;
}

int rs_share_pending(rs_share *p) { return atomic_load(&p->next) < p->nrules; }

static void part_free(rs_share *p) {
  for (size_t i = 0; i < p->nrules; i++) rs_diags_free(&p->found[i]);
  free(p->found);
  pthread_mutex_destroy(&p->mu);
  free(p);
}

static int check_rules_on(rs_worker *w, rs_doc *d, long only, rs_share *part);

static int check_rules(rs_worker *w, rs_doc *d, long only) { return check_rules_on(w, d, only, NULL); }

int rs_check_share(rs_worker *w, rs_share *p) { return check_rules_on(w, p->d, -1, p); }

static void timeout_diag(rs_doc *d, long long doc_ms, size_t skipped, const char *first_skipped) {
  rs_diag *g = rs_diags_add(&d->diags, "engine/rule-timeout", RS_SEV_ERROR,
                            "Văn bản quá lớn: đã dùng hết %lld ms dành cho một văn bản; %zu quy tắc (từ %s) không "
                            "được chạy",
                            doc_ms, skipped, first_skipped);
  if (g && d->npara) rs_diag_locate(g, d, 0, 0, 0);
  if (g) {
    free(g->excerpt);
    g->excerpt = NULL;
  }
}

static int check_rules_on(rs_worker *w, rs_doc *d, long only, rs_share *part) {
  const rs_engine *e = w->e;
  if (!part) {
    prepare_doc(d);
    w->prof_facts += d->prep_cpu;
    d->prep_cpu = 0;
  }
  w->submission = manifest_row(e, d->path);
  w->doc_bytes = 0;
  for (size_t i = 0; i < d->npara; i++) w->doc_bytes += d->paras[i].len;
  int pi = choose_profile(w, d);
  w->profile_index = pi;
  w->profile_name = pi >= 0 ? e->profiles[pi].name : NULL;

  lua_State *L = w->L;
  int top = lua_gettop(L);
  rs_luadoc_push(L, d);
  /* methods live on the document table itself */
  lua_getfield(L, LUA_REGISTRYINDEX, METHODS_KEY);
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) == LUA_TSTRING && lua_tostring(L, -2)[0] != '_') {
      lua_pushvalue(L, -2);
      lua_insert(L, -2);
      lua_rawset(L, -5);
    } else {
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  rs_freeze(L);
  int doc_idx = lua_gettop(L);
  int failed = 0;
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  size_t skipped = 0;
  const char *first_skipped = NULL;
  for (size_t k = 0;; k++) {
    size_t i = part ? atomic_fetch_add(&part->next, 1) : k;
    if (i >= e->nrules) break;
    int sev;
    if (only >= 0) {
      if ((size_t)only != i) continue;
      sev = (int)e->rules[i].info.default_severity;
    } else {
      sev = e->resolved && pi >= 0 ? e->resolved[(size_t)pi * e->nrules + i]
                                    : (int)e->rules[i].info.severity;
    }
    if (sev <= RS_SEV_OFF || !e->rules[i].source) continue;
    /* one document may not hold a worker forever: past the document's
     * budget the remaining rules are skipped (and said so) */
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long spent = (long long)(now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000;
    if (e->budget.doc_ms > 0 && spent > e->budget.doc_ms) {
      if (part) {
        pthread_mutex_lock(&part->mu);
        part->skipped++;
        if (i < part->first_skipped) part->first_skipped = i;
        pthread_mutex_unlock(&part->mu);
        continue;
      }
      if (!skipped) first_skipped = e->rules[i].info.id;
      skipped++;
      continue;
    }
    failed |= run_rule(w, d, i, (rs_severity)sev, doc_idx, part ? &part->found[i] : &d->diags);
  }
  if (skipped) {
    timeout_diag(d, e->budget.doc_ms, skipped, first_skipped);
    failed = 1;
  }
  lua_settop(L, top);
  rs_regex_collect(L);
  /* the document's tables are garbage now; keep the state small */
  lua_gc(L, LUA_GCSTEP, 0);
  if (part) {
    pthread_mutex_lock(&part->mu);
    part->failed |= failed;
    pthread_mutex_unlock(&part->mu);
    return failed;
  }
  rs_diags_sort(&d->diags);
  return failed;
}

int rs_worker_check(rs_worker *w, rs_doc *d) { return check_rules(w, d, -1); }

int rs_worker_check_rule(rs_worker *w, rs_doc *d, size_t rule_index) {
  return check_rules(w, d, (long)rule_index);
}

int rs_worker_test_rule(rs_worker *w, rs_doc *d, size_t rule_index, int invalid, size_t example) {
  w->test_kind = invalid ? "invalid" : "valid";
  w->test_index = example;
  int rc = check_rules(w, d, (long)rule_index);
  w->test_kind = NULL;
  return rc;
}

/* ---- files ---- */

/* What the bulk summary shows of a checked file. */
static void file_meta(const rs_worker *w, const rs_doc *d, rs_file_result *out) {
  const rs_fact *rep = NULL;
  for (size_t i = 0; i < d->nfacts; i++)
    if (!strcmp(d->facts[i].kind, "report")) {
      rep = &d->facts[i];
      break;
    }
  const rs_fval *v;
  if (w->submission < 0 && rep &&
      (((v = rs_fact_get(rep, "agency_unit")) && v->type == RS_FV_STR) ||
       ((v = rs_fact_get(rep, "agency_name")) && v->type == RS_FV_STR))) {
    free(out->commune);
    out->commune = rs_strdup(v->v.s);
  }
  if (rep) {
    const rs_fval *tn = rs_fact_get(rep, "type_name"), *tp = rs_fact_get(rep, "topic");
    out->kind = rs_sprintf("%s%s%s", tn && tn->type == RS_FV_STR ? tn->v.s : "Báo cáo",
                           tp && tp->type == RS_FV_STR ? " " : "",
                           tp && tp->type == RS_FV_STR ? (!strcmp(tp->v.s, "cchc") ? "CCHC" : tp->v.s) : "");
    const rs_fval *pe = rs_fact_get(rep, "period"), *yr = rs_fact_get(rep, "year");
    const rs_fval *qu = rs_fact_get(rep, "quarter"), *mo = rs_fact_get(rep, "month");
    long long y = yr && yr->type == RS_FV_INT ? yr->v.i : 0;
    if (pe && pe->type == RS_FV_STR) {
      static const char *const roman[] = {"", "I", "II", "III", "IV"};
      const char *k = pe->v.s;
      char label[64];
      if (!strcmp(k, "6-thang")) snprintf(label, sizeof label, "6 tháng đầu năm");
      else if (!strcmp(k, "6-thang-cuoi")) snprintf(label, sizeof label, "6 tháng cuối năm");
      else if (!strcmp(k, "9-thang")) snprintf(label, sizeof label, "9 tháng");
      else if (!strcmp(k, "nam")) snprintf(label, sizeof label, "năm");
      else if (!strcmp(k, "quy") && qu && qu->type == RS_FV_INT && qu->v.i >= 1 && qu->v.i <= 4)
        snprintf(label, sizeof label, "quý %s", roman[qu->v.i]);
      else if (!strcmp(k, "thang") && mo && mo->type == RS_FV_INT) snprintf(label, sizeof label, "tháng %lld", mo->v.i);
      else snprintf(label, sizeof label, "%s", k);
      out->period = y ? rs_sprintf("%s %lld", label, y) : rs_strdup(label);
    } else if (y) {
      out->period = rs_sprintf("năm %lld", y);
    }
    const rs_fval *rd = rs_fact_get(rep, "report_date_iso");
    if (rd && rd->type == RS_FV_STR && strlen(rd->v.s) == 10)
      out->report_date = rs_sprintf("%.2s/%.2s/%.4s", rd->v.s + 8, rd->v.s + 5, rd->v.s);
  }
  out->profile = w->profile_name;
  /* missing sections and lateness, from the findings */
  out->late = -1;
  if ((w->submission >= 0) || out->report_date) out->late = 0;
  int unknown = 0; /* the manifest's received date is not a date */
  for (size_t k = 0; k < out->diags.n; k++) {
    const rs_diag *g = &out->diags.v[k];
    if (!strncmp(g->rule, "deadline/late", 13) || !strcmp(g->rule, "deadline/report-date")) out->late = 1;
    if (!strcmp(g->rule, "deadline/received-date")) unknown = 1;
    if (!strcmp(g->rule, "structure/sections") && !strncmp(g->message, "Thiếu phần “", strlen("Thiếu phần “"))) {
      const char *a = g->message + strlen("Thiếu phần “");
      const char *z = strstr(a, "”");
      if (!z) continue;
      char *old = out->missing;
      out->missing = rs_sprintf("%s%s%.*s", old ? old : "", old ? "; " : "", (int)(z - a), a);
      free(old);
      out->nmissing++;
    }
  }
  if (unknown && out->late == 0) out->late = -1;
}

int rs_prepare_file(const rs_engine *e, const char *path, rs_file_result *out, rs_doc **dp) {
  memset(out, 0, sizeof *out);
  *dp = NULL;
  out->path = rs_strdup(path);
  out->late = -1;
  {
    /* the commune from the manifest, else from the file name, until the
     * header says better */
    int row = manifest_row(e, path);
    int cc = row >= 0 ? manifest_col(e, MANIFEST_COMMUNE) : -1;
    if (cc >= 0 && *e->manifest->rows[row][cc]) {
      out->commune = rs_strdup(e->manifest->rows[row][cc]);
    } else {
      const char *b = base_name(path);
      const char *dot = strrchr(b, '.');
      out->commune = rs_strndup(b, dot ? (size_t)(dot - b) : strlen(b));
    }
  }
  const char *format = NULL;
  rs_reader_fn reader = rs_reader_for(path, &format);
  out->format = format ? format : "unknown";
  if (!reader) {
    out->status = RS_FILE_FAILED;
    out->error = rs_sprintf("định dạng không được hỗ trợ (chỉ đọc .txt, .docx, .odt, .html)");
    return RS_EFORMAT;
  }
  rs_doc *d = NULL;
  char *err = NULL;
  int rc = reader(path, &e->limits, &d, &err);
  const char *actual = NULL;
  if (rc == RS_EFORMAT && !d && rs_read_by_content(path, format, &e->limits, &d, &err, &actual) == 0) {
    /* the extension lied: read by content, and said so */
    free(err);
    err = NULL;
    rc = 0;
    rs_diag *g = rs_diags_add(&d->diags, "engine/input", RS_SEV_INFO,
                              "Tệp có đuôi .%s nhưng nội dung là tệp .%s: đã đọc theo nội dung; nên đổi lại đuôi tệp "
                              "cho đúng",
                              format, actual);
    if (g && d->npara > 0) rs_diag_locate(g, d, 0, 0, 0);
    out->format = actual;
  }
  if (rc < 0 || !d) {
    out->status = RS_FILE_FAILED;
    out->error = err ? err : rs_sprintf("không đọc được tệp");
    rs_doc_free(d);
    return rc < 0 ? rc : RS_EFORMAT;
  }
  free(err);
  /* legacy-encoded text read as Unicode (.VnTime runs, mojibake) */
  rs_legacy_convert_doc(d);
  prepare_doc(d);
  *dp = d;
  return 0;
}

static int complete_result(rs_worker *w, rs_doc *d, int failed, rs_file_result *out) {
  out->status = RS_FILE_CHECKED;
  out->diags = d->diags;
  memset(&d->diags, 0, sizeof d->diags);
  file_meta(w, d, out);
  out->doc = d;
  return failed ? 1 : 0;
}

int rs_check_prepared(rs_worker *w, rs_doc *d, rs_file_result *out) {
  return complete_result(w, d, rs_worker_check(w, d), out);
}

int rs_share_finish(rs_worker *w, rs_share *p, rs_file_result *out) {
  rs_doc *d = p->d;
  const rs_engine *e = w->e;
  /* the findings in rule order, as one worker would have added them */
  for (size_t i = 0; i < p->nrules; i++) diags_move(&d->diags, &p->found[i]);
  int failed = p->failed;
  w->prof_facts += p->prep_cpu;
  if (p->skipped) {
    timeout_diag(d, e->budget.doc_ms, p->skipped, e->rules[p->first_skipped].info.id);
    failed = 1;
  }
  rs_diags_sort(&d->diags);
  part_free(p);
  return complete_result(w, d, failed, out);
}

int rs_check_file(rs_worker *w, const char *path, rs_file_result *out) {
  rs_doc *d;
  int rc = rs_prepare_file(w->e, path, out, &d);
  if (!d) return rc;
  return rs_check_prepared(w, d, out);
}

void rs_file_result_free(rs_file_result *fr) {
  free(fr->path);
  free(fr->commune);
  free(fr->kind);
  free(fr->period);
  free(fr->report_date);
  free(fr->missing);
  free(fr->error);
  rs_diags_free(&fr->diags);
  rs_doc_free(fr->doc);
  memset(fr, 0, sizeof *fr);
}
