/* The `re` library for rules: PCRE2 with UTF + UCP, JIT when available,
 * compiled patterns shared by every worker (looked up through a per-state
 * cache), match/depth limits so that a
 * catastrophic pattern stops with an error instead of hanging.
 *
 *   re.find(s, pat [, init [, flags]])  -> start, end, captures... | nil
 *   re.match(s, pat [, init [, flags]]) -> captures (or whole match) | nil
 *   re.gmatch(s, pat [, flags])         -> iterator of start, end, captures...
 *   re.matches(s, pat [, flags [, skip]]) -> {s1, e1, w1, ...} every match at once
 *   re.gsub(s, pat, repl [, flags])     -> string, count   (repl: string with $1.. or function)
 *   re.split(s, pat [, flags])          -> array of pieces
 * Positions are 1-based byte offsets like string.find; flags: "i" caseless,
 * "x" extended, "m" multiline, "s" dotall. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex.h"

#include "doc.h"

#include <lauxlib.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Registry keys: addresses, so a look-up hashes no string. */
static const char re_cache_key, re_state_key;
#define RE_CODE_MT "rasoat.re.code"

/* patterns kept across documents, and made within one document at most */
#define RE_KEEP 1000
#define RE_MAX_PER_DOC 5000

typedef struct re_state {
  pcre2_match_context *mctx;
  pcre2_jit_stack *jit;
  pcre2_match_data *md;
  size_t ncompiled;   /* patterns in the cache */
} re_state;

/* ---- the process-wide store of compiled patterns ----
 * A pattern is compiled (and JIT-compiled) once per process and shared by
 * every worker: pcre2_match may use one compiled code from many threads at
 * once, while match data, match context and JIT stack stay per state. JIT
 * compilation is done at once: a lazy JIT was measured and lost, since
 * the interpreter's first matches over long paragraphs cost more than the
 * JIT compile. The store holds at most SHARED_MAX patterns for the life of
 * the process; beyond that, patterns are compiled per state and freed with
 * it (the per-document bound below still applies). */
#define SHARED_MAX 4096
#define SHARED_BUCKETS 1024

typedef struct shared_pat {
  struct shared_pat *next;
  uint32_t opts;
  size_t len;
  pcre2_code *code; /* compiled and JIT-compiled before it is shared; read-only after */
  char pat[];
} shared_pat;

static pthread_mutex_t shared_mu = PTHREAD_MUTEX_INITIALIZER;
static shared_pat *shared_tab[SHARED_BUCKETS];
static size_t shared_n;

static size_t pat_hash(const char *p, size_t n, uint32_t opts) {
  size_t h = 2166136261u ^ opts;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 16777619u;
  return h % SHARED_BUCKETS;
}

typedef struct re_code {
  pcre2_code *own;     /* a private compile (store full), freed with the userdata */
  shared_pat *sp;      /* or the shared one */
} re_code;

static int code_gc(lua_State *L) {
  re_code *c = luaL_checkudata(L, 1, RE_CODE_MT);
  if (c->own) pcre2_code_free(c->own);
  c->own = NULL;
  return 0;
}

static pcre2_code *code_for(const re_code *c) { return c->sp ? c->sp->code : c->own; }

static int state_gc(lua_State *L) {
  re_state *s = lua_touserdata(L, 1);
  if (s->md) pcre2_match_data_free(s->md);
  if (s->mctx) pcre2_match_context_free(s->mctx);
  if (s->jit) pcre2_jit_stack_free(s->jit);
  memset(s, 0, sizeof *s);
  return 0;
}

static re_state *get_state(lua_State *L) {
  lua_rawgetp(L, LUA_REGISTRYINDEX, &re_state_key);
  re_state *s = lua_touserdata(L, -1);
  lua_pop(L, 1);
  return s;
}

static uint32_t parse_flags(lua_State *L, const char *f) {
  uint32_t o = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
  for (; f && *f; f++) {
    switch (*f) {
    case 'i': o |= PCRE2_CASELESS; break;
    case 'x': o |= PCRE2_EXTENDED; break;
    case 'm': o |= PCRE2_MULTILINE; break;
    case 's': o |= PCRE2_DOTALL; break;
    default: luaL_error(L, "re: unknown flag '%c'", *f);
    }
  }
  return o;
}

/* Compile or fetch from the cache and push the code userdata.
 * The cache is registry[&re_cache_key][flags][pattern]: one table per flags
 * string (index 0 for none), keyed by the pattern string itself, so a hit
 * builds no new string (Lua hashes a long string once and keeps the hash).
 * flagsidx: stack index of the flags argument (none or nil: no flags),
 * already checked with luaL_optstring by the caller. */
static re_code *get_code_push(lua_State *L, int patidx, int flagsidx) {
  size_t plen;
  const char *pat = luaL_checklstring(L, patidx, &plen);
  const char *flags = lua_isnoneornil(L, flagsidx) ? NULL : lua_tostring(L, flagsidx);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &re_cache_key); /* cache */
  int t = flags ? (lua_pushvalue(L, flagsidx), lua_rawget(L, -2)) : lua_rawgeti(L, -1, 0);
  if (t != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    if (flags) lua_pushvalue(L, flagsidx);
    else lua_pushinteger(L, 0);
    lua_pushvalue(L, -2);
    lua_rawset(L, -4); /* cache[flags] = sub */
  }
  lua_remove(L, -2); /* sub */
  lua_pushvalue(L, patidx);
  if (lua_rawget(L, -2) == LUA_TUSERDATA) {
    re_code *c = lua_touserdata(L, -1);
    lua_remove(L, -2);
    return c;
  }
  lua_pop(L, 1); /* sub */
  /* compiled code lives outside the Lua allocator: bound how much a
   * document can make (the engine empties the cache between documents
   * once it grows, see rs_regex_collect) */
  re_state *rst = get_state(L);
  if (rst->ncompiled >= RE_MAX_PER_DOC + RE_KEEP) {
    lua_pop(L, 1);
    luaL_error(L, "re: too many distinct patterns (%d): build patterns once, outside loops", RE_MAX_PER_DOC);
    return NULL;
  }
  rst->ncompiled++;
  uint32_t opts = parse_flags(L, flags);
  /* the userdata first, so that nothing can fail between compile and owner */
  re_code *c = lua_newuserdatauv(L, sizeof *c, 0);
  c->own = NULL;
  c->sp = NULL;
  luaL_setmetatable(L, RE_CODE_MT);
  int err = 0;
  PCRE2_SIZE off = 0;
  size_t b = pat_hash(pat, plen, opts);
  pthread_mutex_lock(&shared_mu);
  for (shared_pat *sp = shared_tab[b]; sp; sp = sp->next)
    if (sp->opts == opts && sp->len == plen && !memcmp(sp->pat, pat, plen)) {
      c->sp = sp;
      break;
    }
  if (!c->sp) {
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pat, plen, opts, &err, &off, NULL);
    if (code) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* else the interpreter */
    shared_pat *sp = code && shared_n < SHARED_MAX ? malloc(sizeof *sp + plen + 1) : NULL;
    if (sp) {
      sp->opts = opts;
      sp->len = plen;
      sp->code = code;
      memcpy(sp->pat, pat, plen);
      sp->pat[plen] = 0;
      sp->next = shared_tab[b];
      shared_tab[b] = sp;
      shared_n++;
      c->sp = sp;
    } else {
      c->own = code;
    }
  }
  pthread_mutex_unlock(&shared_mu);
  if (!c->sp && !c->own) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(err, buf, sizeof buf);
    lua_pop(L, 2);
    luaL_error(L, "re: bad pattern at offset %d: %s", (int)off, (const char *)buf);
    return NULL;
  }
  lua_pushvalue(L, patidx);
  lua_pushvalue(L, -2);
  lua_rawset(L, -4); /* sub[pattern] = ud */
  lua_remove(L, -2);
  return c;
}

/* The same without leaving anything on the stack (the userdata is anchored
 * by the cache). */
static re_code *get_code(lua_State *L, int patidx, int flagsidx) {
  re_code *c = get_code_push(L, patidx, flagsidx);
  lua_pop(L, 1);
  return c;
}

/* Run one match; returns number of pairs (>0) or 0 for no match; raises on
 * limit errors. */
static int do_match(lua_State *L, re_code *c, const char *s, size_t len, size_t start) {
  re_state *st = get_state(L);
  int rc = pcre2_match(code_for(c), (PCRE2_SPTR)s, len, start, 0, st->md, st->mctx);
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  if (rc < 0) {
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
      return luaL_error(L, "re: match limit exceeded (pattern backtracks too much)");
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(rc, buf, sizeof buf);
    return luaL_error(L, "re: match error: %s", (const char *)buf);
  }
  if (rc == 0) rc = (int)pcre2_get_ovector_count(st->md);
  return rc;
}

static void push_captures(lua_State *L, const char *s, int n, int whole_if_none) {
  re_state *st = get_state(L);
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
  if (n == 1 && whole_if_none) {
    lua_pushlstring(L, s + ov[0], ov[1] - ov[0]);
    return;
  }
  for (int i = 1; i < n; i++) {
    if (ov[2 * i] == PCRE2_UNSET) lua_pushboolean(L, 0);
    else lua_pushlstring(L, s + ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
  }
}

static size_t init_pos(lua_State *L, int idx, size_t len) {
  lua_Integer i = luaL_optinteger(L, idx, 1);
  if (i < 0) i = (lua_Integer)len + i + 1;
  if (i < 1) i = 1;
  if ((size_t)i > len + 1) return len + 1;
  return (size_t)i;
}

static int re_find(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_optstring(L, 4, NULL);
  re_code *c = get_code(L, 2, 4);
  size_t init = init_pos(L, 3, len);
  if (init > len + 1) {
    lua_pushnil(L);
    return 1;
  }
  int n = do_match(L, c, s, len, init - 1);
  if (!n) {
    lua_pushnil(L);
    return 1;
  }
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(get_state(L)->md);
  lua_pushinteger(L, (lua_Integer)ov[0] + 1);
  lua_pushinteger(L, (lua_Integer)ov[1]);
  push_captures(L, s, n, 0);
  return 2 + (n - 1);
}

static int re_match(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_optstring(L, 4, NULL);
  re_code *c = get_code(L, 2, 4);
  size_t init = init_pos(L, 3, len);
  int n = do_match(L, c, s, len, init - 1);
  if (!n) {
    lua_pushnil(L);
    return 1;
  }
  push_captures(L, s, n, 1);
  return n == 1 ? 1 : n - 1;
}

/* gmatch iterator: upvalues: subject, code userdata, position */
static int gmatch_aux(lua_State *L) {
  size_t len;
  const char *s = lua_tolstring(L, lua_upvalueindex(1), &len);
  re_code *c = lua_touserdata(L, lua_upvalueindex(2));
  lua_Integer pos = lua_tointeger(L, lua_upvalueindex(3));
  if (pos < 0 || (size_t)pos > len) return 0;
  int n = do_match(L, c, s, len, (size_t)pos);
  if (!n) {
    lua_pushinteger(L, (lua_Integer)len + 1);
    lua_replace(L, lua_upvalueindex(3));
    return 0;
  }
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(get_state(L)->md);
  size_t next = ov[1];
  if (ov[1] == ov[0]) {
    /* empty match: advance one code point */
    next = ov[1] + 1;
    while (next < len && ((unsigned char)s[next] & 0xC0) == 0x80) next++;
  }
  lua_pushinteger(L, (lua_Integer)next);
  lua_replace(L, lua_upvalueindex(3));
  lua_pushinteger(L, (lua_Integer)ov[0] + 1);
  lua_pushinteger(L, (lua_Integer)ov[1]);
  push_captures(L, s, n, 0);
  return 2 + (n - 1);
}

static int re_gmatch(lua_State *L) {
  luaL_checkstring(L, 1);
  luaL_optstring(L, 3, NULL);
  lua_settop(L, 3);
  get_code_push(L, 2, 3); /* the code userdata as an upvalue */
  lua_pushvalue(L, 1);
  lua_insert(L, -2);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, gmatch_aux, 3);
  return 1;
}

/* re.matches(s, pat [, flags [, skip]]) -> {s1, e1, w1, s2, e2, w2, ...}:
 * every match in one call (instead of one re.gmatch step, a C call and its
 * Lua values, per match): its first and last byte (1-based) and w, the first
 * capture (false when unset) or the whole match when the pattern has no
 * group. With the table skip, matches whose w has skip[w] == false are left
 * out (a rule's memo of words that never give a finding). Positions and the
 * empty-match rule are re.gmatch's. */
static int re_matches(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_optstring(L, 3, NULL);
  int has_skip = !lua_isnoneornil(L, 4);
  if (has_skip) luaL_checktype(L, 4, LUA_TTABLE);
  re_code *c = get_code(L, 2, 3);
  uint32_t ncap = 0;
  pcre2_pattern_info(code_for(c), PCRE2_INFO_CAPTURECOUNT, &ncap);
  int out = lua_gettop(L) + 1;
  lua_createtable(L, 24, 0);
  lua_Integer n = 0;
  size_t pos = 0;
  while (pos <= len) {
    if (!do_match(L, c, s, len, pos)) break;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(get_state(L)->md);
    size_t ms = ov[0], me = ov[1];
    pos = me;
    if (me == ms) { /* as re.gmatch: after an empty match, advance one code point */
      pos = me + 1;
      while (pos < len && ((unsigned char)s[pos] & 0xC0) == 0x80) pos++;
    }
    if (ncap >= 1 && ov[2] == PCRE2_UNSET) {
      lua_pushboolean(L, 0);
    } else {
      if (ncap >= 1) lua_pushlstring(L, s + ov[2], ov[3] - ov[2]);
      else lua_pushlstring(L, s + ms, me - ms);
      if (has_skip) {
        lua_pushvalue(L, -1);
        int t = lua_gettable(L, 4);
        int skip = t == LUA_TBOOLEAN && !lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (skip) {
          lua_pop(L, 1);
          continue;
        }
      }
    }
    lua_pushinteger(L, (lua_Integer)ms + 1);
    lua_rawseti(L, out, n + 1);
    lua_pushinteger(L, (lua_Integer)me);
    lua_rawseti(L, out, n + 2);
    lua_rawseti(L, out, n + 3);
    n += 3;
  }
  return 1;
}

static int re_gsub(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_optstring(L, 4, NULL);
  re_code *c = get_code(L, 2, 4);
  int rt = lua_type(L, 3);
  luaL_argcheck(L, rt == LUA_TSTRING || rt == LUA_TFUNCTION || rt == LUA_TTABLE, 3,
                "string, function or table expected");
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  size_t pos = 0;
  lua_Integer count = 0;
  while (pos <= len) {
    int n = do_match(L, c, s, len, pos);
    if (!n) break;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(get_state(L)->md);
    size_t ms = ov[0], me = ov[1];
    luaL_addlstring(&b, s + pos, ms - pos);
    count++;
    if (rt == LUA_TSTRING) {
      size_t rl;
      const char *r = lua_tolstring(L, 3, &rl);
      for (size_t i = 0; i < rl; i++) {
        if (r[i] == '$' && i + 1 < rl && r[i + 1] >= '0' && r[i + 1] <= '9') {
          int g = r[i + 1] - '0';
          if (g < n && ov[2 * g] != PCRE2_UNSET) luaL_addlstring(&b, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
          i++;
        } else if (r[i] == '$' && i + 1 < rl && r[i + 1] == '$') {
          luaL_addchar(&b, '$');
          i++;
        } else {
          luaL_addchar(&b, r[i]);
        }
      }
    } else {
      /* function or table: called with the whole match or the captures */
      size_t wl = me - ms;
      char *whole = malloc(wl + 1);
      if (!whole) return luaL_error(L, "re: out of memory");
      memcpy(whole, s + ms, wl);
      whole[wl] = 0;
      if (rt == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int na = n > 1 ? n - 1 : 1;
        if (n > 1) push_captures(L, s, n, 0);
        else lua_pushlstring(L, whole, wl);
        free(whole);
        lua_call(L, na, 1);
      } else {
        if (n > 1) push_captures(L, s, 2, 0);
        else lua_pushlstring(L, whole, wl);
        free(whole);
        lua_gettable(L, 3);
      }
      if (lua_isstring(L, -1)) {
        luaL_addvalue(&b);
      } else {
        lua_pop(L, 1);
        luaL_addlstring(&b, s + ms, me - ms);
      }
    }
    if (me == ms) {
      if (me < len) {
        size_t nx = me + 1;
        while (nx < len && ((unsigned char)s[nx] & 0xC0) == 0x80) nx++;
        luaL_addlstring(&b, s + me, nx - me);
        pos = nx;
      } else {
        pos = len + 1;
      }
    } else {
      pos = me;
    }
  }
  if (pos < len) luaL_addlstring(&b, s + pos, len - pos);
  luaL_pushresult(&b);
  lua_pushinteger(L, count);
  return 2;
}

static int re_split(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_optstring(L, 3, NULL);
  re_code *c = get_code(L, 2, 3);
  lua_newtable(L);
  lua_Integer k = 0;
  size_t pos = 0, piece = 0;
  while (pos <= len) {
    int n = do_match(L, c, s, len, pos);
    if (!n) break;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(get_state(L)->md);
    if (ov[1] == ov[0]) {
      pos = ov[1] + 1;
      continue;
    }
    lua_pushlstring(L, s + piece, ov[0] - piece);
    lua_rawseti(L, -2, ++k);
    piece = pos = ov[1];
  }
  lua_pushlstring(L, s + piece, len - piece);
  lua_rawseti(L, -2, ++k);
  return 1;
}

/* re.lower(s) / re.upper(s): Unicode case mapping (string.lower is ASCII) */
static int map_case(lua_State *L, int upper) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  size_t i = 0;
  while (i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (l <= 0) {
      luaL_addchar(&b, s[i]);
      i++;
      continue;
    }
    utf8proc_uint8_t out[4];
    utf8proc_ssize_t ol = utf8proc_encode_char(upper ? utf8proc_toupper(cp) : utf8proc_tolower(cp), out);
    luaL_addlstring(&b, (const char *)out, (size_t)ol);
    i += (size_t)l;
  }
  luaL_pushresult(&b);
  return 1;
}
static int re_lower(lua_State *L) { return map_case(L, 0); }

/* re.fold(s): lower case without diacritics ("Đình Cao" -> "dinh cao"), for
 * loose matching of headings and names */
static int re_fold(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  utf8proc_uint8_t *out = NULL;
  utf8proc_ssize_t n = rs_fold_map(s, len, &out, 0);
  if (n < 0) return luaL_error(L, "re.fold: invalid UTF-8");
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (utf8proc_ssize_t i = 0; i < n; i++) {
    /* đ (U+0111) has no decomposition */
    if (i + 1 < n && out[i] == 0xC4 && out[i + 1] == 0x91) {
      luaL_addchar(&b, 'd');
      i++;
    } else {
      luaL_addchar(&b, (char)out[i]);
    }
  }
  free(out);
  luaL_pushresult(&b);
  return 1;
}
static int re_upper(lua_State *L) { return map_case(L, 1); }

void rs_regex_collect(lua_State *L) {
  re_state *st = get_state(L);
  if (!st || st->ncompiled < RE_KEEP) return;
  /* no pattern is in use between documents: drop them all */
  lua_newtable(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &re_cache_key);
  st->ncompiled = 0;
}

void rs_regex_open(lua_State *L, const rs_regex_limits *lim) {
  /* per-state match context, JIT stack and match data */
  re_state *st = lua_newuserdatauv(L, sizeof *st, 0);
  memset(st, 0, sizeof *st);
  lua_newtable(L);
  lua_pushcfunction(L, state_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  st->mctx = pcre2_match_context_create(NULL);
  st->jit = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
  st->md = pcre2_match_data_create(32, NULL);
  if (st->mctx) {
    pcre2_set_match_limit(st->mctx, lim && lim->match_limit ? lim->match_limit : 1000000);
    pcre2_set_depth_limit(st->mctx, lim && lim->depth_limit ? lim->depth_limit : 10000);
    if (st->jit) pcre2_jit_stack_assign(st->mctx, NULL, st->jit);
  }
  lua_rawsetp(L, LUA_REGISTRYINDEX, &re_state_key);

  lua_newtable(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &re_cache_key);

  luaL_newmetatable(L, RE_CODE_MT);
  lua_pushcfunction(L, code_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);

  static const luaL_Reg fns[] = {
      {"find", re_find}, {"match", re_match}, {"gmatch", re_gmatch}, {"matches", re_matches},
      {"gsub", re_gsub}, {"split", re_split}, {"lower", re_lower}, {"upper", re_upper},
      {"fold", re_fold},
      {NULL, NULL},
  };
  luaL_newlib(L, fns);
}
