/* The `re` library for rules: PCRE2 with UTF + UCP, JIT when available,
 * compiled patterns shared by every worker (looked up through a per-state
 * cache), match/depth limits so that a
 * catastrophic pattern stops with an error instead of hanging.
 *
 *   re.find(s, pat [, init [, flags]])  -> start, end, captures... | nil
 *   re.match(s, pat [, init [, flags]]) -> captures (or whole match) | nil
 *   re.gmatch(s, pat [, flags])         -> iterator of start, end, captures...
 *   re.matches(s, pat [, flags [, skip]]) -> {s1, e1, w1, ...} every match at once
 *   re.words(s, kind [, skip])          -> the same for four fixed word patterns, scanned in C
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
#include <stdatomic.h>
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
  uint64_t pairs[4096]; /* re.words "doubled": PCRE2's caseless verdicts on pairs of code points
                          (Unicode facts only, nothing about a document), 0 = empty */
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

/* The functions of the `re` table carry the state as their first upvalue:
 * cheaper than a registry look-up at every match. */
#define UP_STATE(L) ((re_state *)lua_touserdata((L), lua_upvalueindex(1)))

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
static int do_match(lua_State *L, re_state *st, re_code *c, const char *s, size_t len, size_t start) {
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

static void push_captures(lua_State *L, re_state *st, const char *s, int n, int whole_if_none) {
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
  re_state *st = UP_STATE(L);
  int n = do_match(L, st, c, s, len, init - 1);
  if (!n) {
    lua_pushnil(L);
    return 1;
  }
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
  lua_pushinteger(L, (lua_Integer)ov[0] + 1);
  lua_pushinteger(L, (lua_Integer)ov[1]);
  push_captures(L, st, s, n, 0);
  return 2 + (n - 1);
}

static int re_match(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_optstring(L, 4, NULL);
  re_code *c = get_code(L, 2, 4);
  size_t init = init_pos(L, 3, len);
  re_state *st = UP_STATE(L);
  int n = do_match(L, st, c, s, len, init - 1);
  if (!n) {
    lua_pushnil(L);
    return 1;
  }
  push_captures(L, st, s, n, 1);
  return n == 1 ? 1 : n - 1;
}

/* gmatch iterator: upvalues: subject, code userdata, position, state */
static int gmatch_aux(lua_State *L) {
  size_t len;
  const char *s = lua_tolstring(L, lua_upvalueindex(1), &len);
  re_code *c = lua_touserdata(L, lua_upvalueindex(2));
  lua_Integer pos = lua_tointeger(L, lua_upvalueindex(3));
  re_state *st = lua_touserdata(L, lua_upvalueindex(4));
  if (pos < 0 || (size_t)pos > len) return 0;
  int n = do_match(L, st, c, s, len, (size_t)pos);
  if (!n) {
    lua_pushinteger(L, (lua_Integer)len + 1);
    lua_replace(L, lua_upvalueindex(3));
    return 0;
  }
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
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
  push_captures(L, st, s, n, 0);
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
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushcclosure(L, gmatch_aux, 4);
  return 1;
}

/* ---- re.wordset(): a set of words, for skip ----
 * A hash set of byte strings that re.matches and re.words test without
 * making a Lua string of each word: a rule's memo of the words that never
 * give a finding, for the words it would otherwise look up in a table.
 * Its memory is Lua's (two buffer userdata kept as its user values), so
 * the sandbox's memory budget covers it. Words longer than WS_MAXLEN bytes
 * are not kept (add ignores them: a skip set may hold fewer words, never
 * more). */
#define RE_WORDSET_MT "rasoat.re.wordset"
#define WS_MAXLEN 64

typedef struct ws_slot {
  uint32_t hash;
  uint32_t off; /* 0: empty; else the word's offset in the arena: length byte, bytes */
} ws_slot;

typedef struct wordset {
  ws_slot *slots;       /* user value 1 */
  unsigned char *arena; /* user value 2 */
  size_t nslots, used, cap, n;
} wordset;

static inline uint32_t ws_hash(const char *p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 16777619u;
  return h;
}

static inline int ws_has(const wordset *ws, const char *p, size_t n) {
  if (n > WS_MAXLEN || !ws->n) return 0;
  uint32_t h = ws_hash(p, n);
  size_t mask = ws->nslots - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const ws_slot *sl = &ws->slots[i];
    if (!sl->off) return 0;
    if (sl->hash == h && ws->arena[sl->off] == n) {
      const unsigned char *a = ws->arena + sl->off + 1;
      size_t j = 0;
      while (j < n && a[j] == (unsigned char)p[j]) j++;
      if (j == n) return 1;
    }
  }
}

static void ws_insert(wordset *ws, uint32_t h, uint32_t off) {
  size_t mask = ws->nslots - 1;
  size_t i = h & mask;
  while (ws->slots[i].off) i = (i + 1) & mask;
  ws->slots[i].hash = h;
  ws->slots[i].off = off;
}

/* set:add(w): keep the word w (a string) */
static int ws_add(lua_State *L) {
  wordset *ws = luaL_checkudata(L, 1, RE_WORDSET_MT);
  size_t n;
  const char *p = luaL_checklstring(L, 2, &n);
  if (n > WS_MAXLEN || ws_has(ws, p, n)) return 0;
  if (ws->used + n + 1 > ws->cap) {
    size_t cap = ws->cap ? 2 * ws->cap : 1024;
    if (cap > UINT32_MAX) return luaL_error(L, "re.wordset: too many words");
    unsigned char *a = lua_newuserdatauv(L, cap, 0);
    if (ws->used) memcpy(a, ws->arena, ws->used);
    else ws->used = 1; /* offset 0 means an empty slot */
    lua_setiuservalue(L, 1, 2);
    ws->arena = a;
    ws->cap = cap;
  }
  if (2 * (ws->n + 1) > ws->nslots) {
    size_t ns = ws->nslots ? 2 * ws->nslots : 256;
    ws_slot *old = ws->slots;
    size_t oldn = ws->nslots;
    ws_slot *sl = lua_newuserdatauv(L, ns * sizeof *sl, 0);
    memset(sl, 0, ns * sizeof *sl);
    ws->slots = sl;
    ws->nslots = ns;
    for (size_t i = 0; i < oldn; i++)
      if (old[i].off) ws_insert(ws, old[i].hash, old[i].off);
    lua_setiuservalue(L, 1, 1); /* the old slots are garbage from here */
  }
  uint32_t off = (uint32_t)ws->used;
  ws->arena[off] = (unsigned char)n;
  memcpy(ws->arena + off + 1, p, n);
  ws->used += n + 1;
  ws_insert(ws, ws_hash(p, n), off);
  ws->n++;
  return 0;
}

/* set:has(w) -> boolean */
static int ws_has_l(lua_State *L) {
  wordset *ws = luaL_checkudata(L, 1, RE_WORDSET_MT);
  size_t n;
  const char *p = luaL_checklstring(L, 2, &n);
  lua_pushboolean(L, ws_has(ws, p, n));
  return 1;
}

/* #set: the number of words kept */
static int ws_len(lua_State *L) {
  wordset *ws = luaL_checkudata(L, 1, RE_WORDSET_MT);
  lua_pushinteger(L, (lua_Integer)ws->n);
  return 1;
}

static int re_wordset(lua_State *L) {
  wordset *ws = lua_newuserdatauv(L, sizeof *ws, 2);
  memset(ws, 0, sizeof *ws);
  luaL_setmetatable(L, RE_WORDSET_MT);
  return 1;
}

/* The skip argument of re.matches / re.words at idx: none, a table, or a
 * wordset. */
typedef struct skip_arg {
  int idx;               /* the table's stack index, or 0 */
  const wordset *ws;     /* or the wordset */
} skip_arg;

static skip_arg check_skip(lua_State *L, int idx) {
  skip_arg sk = {0, NULL};
  if (lua_isnoneornil(L, idx)) return sk;
  sk.ws = luaL_testudata(L, idx, RE_WORDSET_MT);
  if (!sk.ws) {
    luaL_argexpected(L, lua_type(L, idx) == LUA_TTABLE, idx, "table or wordset");
    sk.idx = idx;
  }
  return sk;
}

/* One match for re.matches / re.words, whose w is s[ws, we) (or false when
 * unset, w_unset): left out when w is in the skip wordset or skip[w] ==
 * false, else ms + 1, me, w are appended to the table at out. */
static inline void emit_match(lua_State *L, int out, lua_Integer *n, const skip_arg *sk, const char *s, size_t ws,
                       size_t we, int w_unset, size_t ms, size_t me) {
  if (w_unset) {
    lua_pushboolean(L, 0);
  } else {
    if (sk->ws && ws_has(sk->ws, s + ws, we - ws)) return;
    lua_pushlstring(L, s + ws, we - ws);
    if (sk->idx) {
      lua_pushvalue(L, -1);
      int t = lua_gettable(L, sk->idx);
      int skip = t == LUA_TBOOLEAN && !lua_toboolean(L, -1);
      lua_pop(L, 1);
      if (skip) {
        lua_pop(L, 1);
        return;
      }
    }
  }
  lua_pushinteger(L, (lua_Integer)ms + 1);
  lua_rawseti(L, out, *n + 1);
  lua_pushinteger(L, (lua_Integer)me);
  lua_rawseti(L, out, *n + 2);
  lua_rawseti(L, out, *n + 3);
  *n += 3;
}

/* Push the result table of re.matches for code c on s. */
static void matches_push(lua_State *L, re_state *st, re_code *c, const char *s, size_t len, const skip_arg *sk) {
  uint32_t ncap = 0;
  pcre2_pattern_info(code_for(c), PCRE2_INFO_CAPTURECOUNT, &ncap);
  int out = lua_gettop(L) + 1;
  lua_createtable(L, 24, 0);
  lua_Integer n = 0;
  size_t pos = 0;
  while (pos <= len) {
    if (!do_match(L, st, c, s, len, pos)) break;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
    size_t ms = ov[0], me = ov[1];
    pos = me;
    if (me == ms) { /* as re.gmatch: after an empty match, advance one code point */
      pos = me + 1;
      while (pos < len && ((unsigned char)s[pos] & 0xC0) == 0x80) pos++;
    }
    if (ncap >= 1) emit_match(L, out, &n, sk, s, ov[2], ov[3], ov[2] == PCRE2_UNSET, ms, me);
    else emit_match(L, out, &n, sk, s, ms, me, 0, ms, me);
  }
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
  skip_arg sk = check_skip(L, 4);
  re_code *c = get_code(L, 2, 3);
  matches_push(L, UP_STATE(L), c, s, len, &sk);
  return 1;
}

/* ---- re.words: fixed word patterns, scanned without PCRE2 ----
 *
 * re.words(s, kind [, skip]) returns exactly what re.matches(s, P[kind],
 * nil, skip) returns, for
 *   "token"   ([\p{L}\p{M}\p{N}]+(?:[-/.@_'’&][\p{L}\p{M}\p{N}]+)*)
 *   "letters" \p{L}+
 *   "legacy"  ([\p{L}\x{00A1}-\x{00FF}]*[\p{L}][\p{L}\x{00A1}-\x{00FF}]*|[\x{00A1}-\x{00FF}]+[\p{L}][\p{L}\x{00A1}-\x{00FF}]*)
 * but walks the string once, by code point, in C. Why it is the same:
 * none of these patterns can match empty; with leftmost-first matching,
 * "letters" matches the maximal runs of letters; "token" a maximal run of
 * the class, then, while a joiner is followed by a class character, the
 * joiner and the next maximal run (the quantifiers are greedy and nothing
 * follows them that could fail, and no joiner is in the class); "legacy"
 * the maximal runs of [\p{L}\x{00A1}-\x{00FF}] that hold a letter (the
 * second alternative only matches where the first does). Which code point
 * is in \p{L} or [\p{L}\p{M}\p{N}] is asked of PCRE2 itself, with the same
 * class and options as the patterns (so the Unicode tables are PCRE2's),
 * once per code point for the BMP (kept for the process). A string that is
 * not valid UTF-8 (where PCRE2's MATCH_INVALID_UTF rules apply) is handed
 * to PCRE2 with the pattern itself. tests/unit/test_regex_words.c checks
 * the equality on every BMP code point and on random strings.
 * A fourth kind, "doubled", stands for spelling/doubled-word's pattern
 *   (?<![\p{L}\p{N}])(\p{L}+)\s+\1(?![\p{L}\p{N}])   with flags "i":
 * the scan rejects the places where no match can start and runs the
 * pattern itself, anchored, at the others (see WK_DOUBLED below). */
#define WC_KNOWN 1u
#define WC_TOKEN 2u   /* [\p{L}\p{M}\p{N}] */
#define WC_LETTER 4u  /* \p{L} */
#define WC_LN 8u      /* [\p{L}\p{N}] */
#define WC_SPACE 16u  /* \s */
#define WC_LEGACY 32u /* [\p{L}\x{00A1}-\x{00FF}] (from WC_LETTER, not asked of PCRE2) */
#define WC_NPATS 4

static _Atomic unsigned char wc_tab[0x10000];
static pcre2_code *wc_code[WC_NPATS + 1]; /* the classes, then the caseless pair test */
static pthread_once_t wc_once = PTHREAD_ONCE_INIT;
/* the classes of U+0000..U+007F, filled by wc_init; wc_ascii_ok once all
 * are and every pattern of wc_code compiled */
static unsigned char wc_ascii[0x80];
static int wc_ascii_ok;

/* The classes of one code point, from PCRE2 (WC_KNOWN set), or 0 when
 * PCRE2 failed (out of memory). */
static unsigned wc_compute(pcre2_match_data *md, uint32_t cp) {
  unsigned char b[4];
  size_t n = (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, b);
  static const unsigned bits[WC_NPATS] = {WC_TOKEN, WC_LETTER, WC_LN, WC_SPACE};
  unsigned r = WC_KNOWN;
  for (int i = 0; i < WC_NPATS; i++) {
    if (!wc_code[i]) return 0;
    int rc = pcre2_match(wc_code[i], b, n, 0, PCRE2_ANCHORED, md, NULL);
    if (rc > 0) r |= bits[i];
    else if (rc != PCRE2_ERROR_NOMATCH) return 0;
  }
  if ((r & WC_LETTER) || (cp >= 0xA1 && cp <= 0xFF)) r |= WC_LEGACY;
  return r;
}

static void wc_init(void) {
  static const char *const pats[WC_NPATS + 1] = {"[\\p{L}\\p{M}\\p{N}]", "\\p{L}", "[\\p{L}\\p{N}]", "\\s",
                                                 "(?s)(.)\\1"};
  for (int i = 0; i <= WC_NPATS; i++) {
    int err;
    PCRE2_SIZE off;
    uint32_t o = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
    if (i == WC_NPATS) o |= PCRE2_CASELESS | PCRE2_ANCHORED | PCRE2_ENDANCHORED;
    wc_code[i] = pcre2_compile((PCRE2_SPTR)pats[i], PCRE2_ZERO_TERMINATED, o, &err, &off, NULL);
    /* the pair test runs as the rules' patterns do, JIT-compiled when possible */
    if (i == WC_NPATS && wc_code[i]) pcre2_jit_compile(wc_code[i], PCRE2_JIT_COMPLETE);
  }
  /* the ASCII classes at once, so that the scans read them without the
   * "not yet known" test; when this fails, re.words falls back to PCRE2 */
  pcre2_match_data *md = wc_code[0] ? pcre2_match_data_create_from_pattern(wc_code[0], NULL) : NULL;
  for (uint32_t cp = 0; md && cp < 0x80; cp++) {
    unsigned v = wc_compute(md, cp);
    if (!v) break;
    atomic_store_explicit(&wc_tab[cp], (unsigned char)v, memory_order_relaxed);
    wc_ascii[cp] = (unsigned char)v;
    if (cp == 0x7F) wc_ascii_ok = wc_code[WC_NPATS] != NULL; /* and the pair test compiled */
  }
  if (md) pcre2_match_data_free(md);
}

static unsigned wc_slow(lua_State *L, re_state *st, uint32_t cp) {
  unsigned v = wc_compute(st->md, cp);
  if (!v) return (unsigned)luaL_error(L, "re.words: out of memory");
  /* a benign race: every thread stores the same value */
  if (cp < 0x10000) atomic_store_explicit(&wc_tab[cp], (unsigned char)v, memory_order_relaxed);
  return v;
}

static inline unsigned wc_of(lua_State *L, re_state *st, uint32_t cp) {
  if (cp < 0x10000) {
    unsigned v = atomic_load_explicit(&wc_tab[cp], memory_order_relaxed);
    if (v) return v;
  }
  return wc_slow(L, st, cp);
}

/* The code point at s[i] and its length, or 0 when s[i..] does not start
 * with a character of strict UTF-8 (RFC 3629: no overlong forms,
 * surrogates or code points above U+10FFFF), which is what PCRE2 takes as
 * valid. */
#if defined(__GNUC__)
__attribute__((always_inline)) /* on the scans' hot path; GCC kept it out of line */
#endif
static inline size_t utf8_at(const unsigned char *s, size_t len, size_t i, uint32_t *cp) {
  unsigned c = s[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t left = len - i;
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    if (left < 2 || (s[i + 1] & 0xC0) != 0x80) return 0;
    *cp = ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (left < 3 || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return 0;
    uint32_t v = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return 3;
  }
  if (c < 0xF5) {
    if (left < 4 || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80)
      return 0;
    uint32_t v = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[i + 1] & 0x3F) << 12) |
                 ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    if (v < 0x10000 || v > 0x10FFFF) return 0;
    *cp = v;
    return 4;
  }
  return 0;
}

enum { WK_TOKEN, WK_LETTERS, WK_LEGACY, WK_DOUBLED };
static const char *const word_kinds[] = {"token", "letters", "legacy", "doubled", NULL};
static const char *const word_pats[] = {
    "([\\p{L}\\p{M}\\p{N}]+(?:[-/.@_'\xE2\x80\x99&][\\p{L}\\p{M}\\p{N}]+)*)",
    "\\p{L}+",
    "([\\p{L}\\x{00A1}-\\x{00FF}]*[\\p{L}][\\p{L}\\x{00A1}-\\x{00FF}]*|"
    "[\\x{00A1}-\\x{00FF}]+[\\p{L}][\\p{L}\\x{00A1}-\\x{00FF}]*)",
    "(?<![\\p{L}\\p{N}])(\\p{L}+)\\s+\\1(?![\\p{L}\\p{N}])",
};
static const char *const word_flags[] = {NULL, NULL, NULL, "i"};

/* Whether PCRE2 matches the code point c caselessly to d, as a caseless
 * back-reference compares one character of its group with one of the
 * subject: asked of PCRE2 with (?s)(.)\1 (caseless, anchored at both ends)
 * on the two characters, and kept in st->pairs. 1 yes, 0 no, -1 out of
 * memory. */
static int caseless_eq(re_state *st, uint32_t c, uint32_t d) {
  uint64_t key = ((uint64_t)c << 21 | d) << 1;
  uint64_t *slot = &st->pairs[(uint32_t)((key * 0x9E3779B97F4A7C15u) >> 52)];
  if ((*slot & ~(uint64_t)1) == key) return (int)(*slot & 1);
  unsigned char b[8];
  size_t n = (size_t)utf8proc_encode_char((utf8proc_int32_t)c, b);
  n += (size_t)utf8proc_encode_char((utf8proc_int32_t)d, b + n);
  int rc = pcre2_match(wc_code[WC_NPATS], b, n, 0, 0, st->md, NULL);
  if (rc < 0 && rc != PCRE2_ERROR_NOMATCH) return -1;
  *slot = key | (rc > 0);
  return rc > 0;
}

static int is_joiner(uint32_t cp) {
  return cp == '-' || cp == '/' || cp == '.' || cp == '@' || cp == '_' || cp == '\'' || cp == 0x2019 ||
         cp == '&';
}

/* From u[i], the end of the run of code points whose classes v have
 * (v ^ flip) & mask (flip 0: in the class mask; flip mask: outside it):
 * the index of the first code point not in the run, len at the end, or
 * RUN_INVALID at a byte that does not start strict UTF-8. ASCII and 2-byte
 * characters take the short ways; the classes are those of wc_of. */
#define RUN_INVALID SIZE_MAX
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline size_t run_end(lua_State *L, re_state *st, const unsigned char *u, size_t len, size_t i,
                             unsigned mask, unsigned flip) {
  while (i < len) {
    unsigned c = u[i], v;
    size_t k;
    if (c < 0x80) {
      v = wc_ascii[c];
      k = 1;
    } else {
      uint32_t cp;
      if (c >= 0xC2 && c < 0xE0 && len - i >= 2 && (u[i + 1] & 0xC0) == 0x80) {
        cp = ((uint32_t)(c & 0x1F) << 6) | (u[i + 1] & 0x3F);
        k = 2;
      } else if (!(k = utf8_at(u, len, i, &cp))) {
        return RUN_INVALID;
      }
      v = wc_of(L, st, cp);
    }
    if (!((v ^ flip) & mask)) return i;
    i += k;
  }
  return i;
}

/* the code point at u[i] into cp, its length into k; to invalid when u[i..]
 * is not strict UTF-8 */
#define NEXT_CP(i, k, cp)                                 \
  do {                                                    \
    if (u[i] < 0x80) {                                    \
      (cp) = u[i];                                        \
      (k) = 1;                                            \
    } else if (!((k) = utf8_at(u, len, (i), &(cp)))) {    \
      goto invalid;                                       \
    }                                                     \
  } while (0)

static int re_words(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  int kind = luaL_checkoption(L, 2, NULL, word_kinds);
  lua_settop(L, 3);
  skip_arg sk = check_skip(L, 3);
  re_state *st = UP_STATE(L);
  const unsigned char *u = (const unsigned char *)s;
  pthread_once(&wc_once, wc_init);
  if (!wc_ascii_ok) goto invalid; /* wc_init failed: no classes or no pair test */
  re_code *dc = NULL; /* "doubled": the pattern itself, fetched at the first candidate */
  lua_createtable(L, kind == WK_DOUBLED ? 0 : 24, 0); /* doubled words are rare */
  lua_Integer n = 0;
  size_t i = 0, k, ms;
  uint32_t cp;
#define RUN(from, mask, flip)                               \
  do {                                                      \
    i = run_end(L, st, u, len, (from), (mask), (flip));     \
    if (i == RUN_INVALID) goto invalid;                     \
  } while (0)
  switch (kind) {
  case WK_LETTERS:
    for (;;) {
      RUN(i, WC_LETTER, WC_LETTER);
      if (i >= len) break;
      ms = i;
      RUN(i, WC_LETTER, 0);
      emit_match(L, 4, &n, &sk, s, ms, i, 0, ms, i);
    }
    break;
  case WK_TOKEN:
    for (;;) {
      RUN(i, WC_TOKEN, WC_TOKEN);
      if (i >= len) break;
      ms = i;
      for (;;) {
        RUN(i, WC_TOKEN, 0);
        /* a joiner then a class character go on with the token */
        if (i >= len) break;
        NEXT_CP(i, k, cp);
        if (!is_joiner(cp) || i + k >= len) break;
        size_t k2;
        uint32_t cp2;
        NEXT_CP(i + k, k2, cp2);
        if (!(wc_of(L, st, cp2) & WC_TOKEN)) break;
        i += k + k2;
      }
      emit_match(L, 4, &n, &sk, s, ms, i, 0, ms, i);
    }
    break;
  default: /* WK_LEGACY: runs of letters and U+00A1..U+00FF with a letter */
    for (;;) {
      RUN(i, WC_LEGACY, WC_LEGACY);
      if (i >= len) break;
      ms = i;
      RUN(i, WC_LEGACY, 0);
      /* with a letter: nearly always the first code point */
      size_t p = ms;
      unsigned letter = 0;
      while (p < i && !letter) {
        NEXT_CP(p, k, cp);
        letter = wc_of(L, st, cp) & WC_LETTER;
        p += k;
      }
      if (letter) emit_match(L, 4, &n, &sk, s, ms, i, 0, ms, i);
    }
    break;
  case WK_DOUBLED: {
    /* A match of the pattern starts where no letter or digit precedes, at a
     * maximal run of letters (the group: \p{L}+ must be followed by \s,
     * which is no letter), followed by white space, then by as many
     * characters as the group has, each caselessly equal to the group's
     * (a caseless back-reference compares code point by code point), then
     * no letter or digit. The scan rejects the places where one of these
     * fails; at the others (true doubles, nearly always) the pattern itself
     * is run anchored there, and its match is the one re.matches finds:
     * the leftmost match at or after the previous one's end. */
    unsigned prev = 0; /* classes of the code point before i (none at 0) */
    while (i < len) {
      NEXT_CP(i, k, cp);
      unsigned v = wc_of(L, st, cp);
      if (!(v & WC_LETTER)) {
        prev = v;
        i += k;
        continue;
      }
      ms = i;
      size_t nc = 1;
      for (i += k; i < len; i += k, nc++) {
        NEXT_CP(i, k, cp);
        if (!(wc_of(L, st, cp) & WC_LETTER)) break;
      }
      int at_start = !(prev & WC_LN);
      prev = WC_LETTER | WC_LN; /* the run's last code point */
      if (!at_start || i >= len) continue;
      /* white space after the run */
      size_t j = i;
      for (; j < len; j += k) {
        NEXT_CP(j, k, cp);
        if (!(wc_of(L, st, cp) & WC_SPACE)) break;
      }
      if (j == i || j >= len) continue;
      /* the group's code points against those after the white space */
      size_t p = ms, q = j, k2;
      uint32_t c, d;
      int ok = 1;
      for (size_t t = 0; t < nc && ok; t++) {
        if (q >= len) {
          ok = 0;
          break;
        }
        NEXT_CP(p, k, c);
        NEXT_CP(q, k2, d);
        if (c != d) {
          if (c < 0x80 && d < 0x80) ok = (c | 0x20) == (d | 0x20); /* c is an ASCII letter */
          else {
            int r = caseless_eq(st, c, d);
            if (r < 0) return luaL_error(L, "re.words: out of memory");
            ok = r;
          }
        }
        p += k;
        q += k2;
      }
      if (ok && q < len) {
        NEXT_CP(q, k2, d);
        if (wc_of(L, st, d) & WC_LN) ok = 0;
      }
      if (!ok) continue;
      if (!dc) {
        lua_pushstring(L, word_pats[kind]);
        lua_pushstring(L, word_flags[kind]);
        dc = get_code(L, 5, 6);
        lua_settop(L, 4);
      }
      int rc = pcre2_match(code_for(dc), (PCRE2_SPTR)s, len, ms, PCRE2_ANCHORED, st->md, st->mctx);
      if (rc == PCRE2_ERROR_NOMATCH) continue;
      if (rc < 0 || pcre2_get_ovector_count(st->md) < 2) {
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
          return luaL_error(L, "re: match limit exceeded (pattern backtracks too much)");
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message(rc, buf, sizeof buf);
        return luaL_error(L, "re: match error: %s", (const char *)buf);
      }
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
      emit_match(L, 4, &n, &sk, s, ov[2], ov[3], ov[2] == PCRE2_UNSET, ov[0], ov[1]);
      /* the next match starts after this one; the code point at ov[1] is
       * no letter or digit (the look-ahead), and is read next */
      i = ov[1];
    }
    break;
  }
  }
  return 1;
invalid:
  /* not valid UTF-8 (or no classes): PCRE2 with the pattern itself */
  lua_settop(L, 3);
  lua_pushstring(L, word_pats[kind]);
  if (word_flags[kind]) lua_pushstring(L, word_flags[kind]);
  else lua_pushnil(L);
  re_code *c = get_code(L, 4, 5);
  matches_push(L, st, c, s, len, &sk);
  return 1;
}
#undef NEXT_CP
#undef RUN

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
  re_state *st = UP_STATE(L);
  while (pos <= len) {
    int n = do_match(L, st, c, s, len, pos);
    if (!n) break;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
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
        if (n > 1) push_captures(L, st, s, n, 0);
        else lua_pushlstring(L, whole, wl);
        free(whole);
        lua_call(L, na, 1);
      } else {
        if (n > 1) push_captures(L, st, s, 2, 0);
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
  re_state *st = UP_STATE(L);
  while (pos <= len) {
    int n = do_match(L, st, c, s, len, pos);
    if (!n) break;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
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

/* re.lower(s) / re.upper(s): Unicode case mapping (string.lower is ASCII).
 * push_case pushes s case-mapped (invalid bytes copied) and returns it,
 * valid while it is on the stack. */
static const char *push_case(lua_State *L, const char *s, size_t len, int upper, size_t *out_len) {
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
  return lua_tolstring(L, -1, out_len);
}

static int map_case(lua_State *L, int upper) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  push_case(L, s, len, upper, NULL);
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

/* ---- re.wordinfo: what the spelling libs ask of a word, in one call ----
 * re.wordinfo(w) -> kind, length, lower, case, diacritics, shape
 *   kind        "word" when w matches ^[\p{L}\p{M}]+$, else "other"
 *   length      its code points (nil when w is not valid UTF-8, as utf8.len)
 *   lower       re.lower(w)
 *   case        "upper" (w == re.upper(w) ~= re.lower(w)), "lower" (w ==
 *               re.lower(w)), "cap" (the first character is upper case and
 *               the rest lower case) or "mixed"
 *   diacritics  true when a code point carries a Vietnamese diacritic (a tone
 *               mark, a breve, circumflex or horn, or đ)
 *   shape       true when w has the shape of one Vietnamese syllable: an
 *               initial consonant, one to three vowels, a permitted final,
 *               after re.lower and re.fold (tone marks are not checked)
 * The same answers as the Lua definitions these replaced (vn.lua), which
 * tests/cli/wordinfo.sh keeps as the reference. */

/* the Vietnamese vowels: the base, then its forms with the five tones */
static const char *const VN_ROWS[] = {
    "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị", "oòỏõóọ", "ôồổỗốộ",
    "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ", "AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ",
    "ÊỀỂỄẾỆ", "IÌỈĨÍỊ", "OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ",
};
#define VN_DIA_MAX 160
static int32_t vn_dia[VN_DIA_MAX]; /* sorted */
static size_t vn_ndia;
static pthread_once_t vn_once = PTHREAD_ONCE_INIT;

static int cmp_i32(const void *a, const void *b) {
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
  return x < y ? -1 : x > y;
}

static void vn_init(void) {
  vn_dia[vn_ndia++] = 0x0110; /* Đ */
  vn_dia[vn_ndia++] = 0x0111; /* đ */
  for (size_t r = 0; r < sizeof VN_ROWS / sizeof *VN_ROWS; r++) {
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)VN_ROWS[r];
    int32_t cps[6];
    int n = 0;
    while (*p && n < 6) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t l = utf8proc_iterate(p, -1, &cp);
      if (l <= 0) break;
      cps[n++] = cp;
      p += l;
    }
    /* a plain vowel carries a diacritic only with a tone mark */
    int plain = cps[0] < 0x80;
    for (int k = plain ? 1 : 0; k < n && vn_ndia < VN_DIA_MAX; k++) vn_dia[vn_ndia++] = cps[k];
  }
  qsort(vn_dia, vn_ndia, sizeof *vn_dia, cmp_i32);
}

static int vn_is_dia(int32_t cp) {
  return bsearch(&cp, vn_dia, vn_ndia, sizeof *vn_dia, cmp_i32) != NULL;
}

static int in_set(const char *s, size_t n, const char *const *set) {
  for (; *set; set++)
    if (strlen(*set) == n && !memcmp(*set, s, n)) return 1;
  return 0;
}

/* the syllable shape of a lower-case word */
static int vn_shape(const char *w, size_t wl) {
  static const char *const initial[] = {"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
                                        "b",   "c",  "d",  "đ",  "g",  "h",  "k",  "l",  "m",  "n",  "p",
                                        "r",   "s",  "t",  "v",  "x",  "",   NULL};
  static const char *const finals[] = {"c", "ch", "m", "n", "ng", "nh", "p", "t", "", NULL};
  int hasdd = 0;
  for (size_t i = 0; i + 1 < wl; i++)
    if ((unsigned char)w[i] == 0xC4 && (unsigned char)w[i + 1] == 0x91) hasdd = 1;
  utf8proc_uint8_t *f = NULL;
  utf8proc_ssize_t fn = rs_fold_map(w, wl, &f, 0);
  if (fn < 0) return -1; /* not UTF-8 */
  /* re.fold: đ (no decomposition) becomes d; then a leading d is đ again
   * when the word had one */
  char buf[256];
  size_t n = 0;
  int ok = 1;
  for (utf8proc_ssize_t i = 0; i < fn; i++) {
    if (n + 2 >= sizeof buf) {
      ok = 0; /* longer than any syllable: a shape needs at most 3+3+2 letters */
      break;
    }
    if (i + 1 < fn && f[i] == 0xC4 && f[i + 1] == 0x91) {
      buf[n++] = 'd';
      i++;
    } else {
      buf[n++] = (char)f[i];
    }
  }
  free(f);
  if (!ok) return 0;
  const char *p = buf;
  char pbuf[260];
  if (hasdd && n > 0 && p[0] == 'd') {
    pbuf[0] = (char)0xC4;
    pbuf[1] = (char)0x91;
    memcpy(pbuf + 2, buf + 1, n - 1);
    n = n + 1;
    p = pbuf;
  }
  /* ^[a-zđ]+$, byte by byte as the Lua pattern it replaces */
  if (n == 0) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (!((c >= 'a' && c <= 'z') || c == 0xC4 || c == 0x91)) return 0;
  }
  for (size_t k = 0; k <= 3 && k <= n; k++) {
    if (!in_set(p, k, initial)) continue;
    const char *rest = p + k;
    size_t rn = n - k;
    /* ^([aeiouy]+)([a-z]*)$ */
    size_t v = 0;
    while (v < rn && strchr("aeiouy", rest[v]) && rest[v]) v++;
    if (v > 0) {
      size_t j = v;
      while (j < rn && rest[j] >= 'a' && rest[j] <= 'z') j++;
      if (j == rn && v <= 3 && in_set(rest + v, rn - v, finals)) return 1;
    }
    if (k == 2 && !memcmp(p, "gi", 2) && in_set(rest, rn, finals)) return 1;
  }
  return 0;
}

static int re_wordinfo(lua_State *L) {
  size_t len;
  const char *w = luaL_checklstring(L, 1, &len);
  pthread_once(&vn_once, vn_init);
  int base = lua_gettop(L);
  /* kind: the pattern the Lua definition used, through the same cache */
  lua_pushliteral(L, "^[\\p{L}\\p{M}]+$");
  re_code *c = get_code(L, base + 1, base + 2);
  re_state *st = UP_STATE(L);
  int word = do_match(L, st, c, w, len, 0) > 0;
  lua_settop(L, base);
  /* length (code points), and the diacritics on the way */
  size_t ncp = 0;
  int valid = 1, dia = 0;
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)w + i, (utf8proc_ssize_t)(len - i), &cp);
    if (l <= 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
      valid = 0;
      break;
    }
    if (!dia && vn_is_dia(cp)) dia = 1;
    ncp++;
    i += (size_t)l;
  }
  lua_pushstring(L, word ? "word" : "other");
  if (valid) lua_pushinteger(L, (lua_Integer)ncp);
  else lua_pushnil(L);
  size_t lowl, upl;
  const char *low = push_case(L, w, len, 0, &lowl); /* result 3 */
  const char *up = push_case(L, w, len, 1, &upl);   /* scratch, removed below */
  const char *kase;
  if (upl == len && !memcmp(w, up, len) && !(lowl == len && !memcmp(w, low, len))) {
    kase = "upper";
  } else if (lowl == len && !memcmp(w, low, len)) {
    kase = "lower";
  } else {
    /* the first character upper case, the rest lower case */
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t fl = len ? utf8proc_iterate((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)len, &cp) : 0;
    kase = "mixed";
    if (fl > 0) {
      size_t fu, rl;
      const char *fup = push_case(L, w, (size_t)fl, 1, &fu);
      int first_up = fu == (size_t)fl && !memcmp(fup, w, (size_t)fl);
      lua_pop(L, 1);
      const char *rlow = push_case(L, w + fl, len - (size_t)fl, 0, &rl);
      int rest_low = rl == len - (size_t)fl && !memcmp(rlow, w + fl, rl);
      lua_pop(L, 1);
      if (first_up && rest_low) kase = "cap";
    }
  }
  lua_pop(L, 1); /* up */
  lua_pushstring(L, kase);
  lua_pushboolean(L, dia);
  int shape = valid ? vn_shape(low, lowl) : 0;
  lua_pushboolean(L, shape == 1);
  return 6;
}

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

  /* wordsets: methods add, has and #; the metatable is hidden from rules
   * (getmetatable gives false), so that none can change it for the others */
  luaL_newmetatable(L, RE_WORDSET_MT);
  static const luaL_Reg ws_fns[] = {{"add", ws_add}, {"has", ws_has_l}, {NULL, NULL}};
  luaL_newlib(L, ws_fns);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, ws_len);
  lua_setfield(L, -2, "__len");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);

  static const luaL_Reg fns[] = {
      {"find", re_find}, {"match", re_match}, {"gmatch", re_gmatch}, {"matches", re_matches},
      {"words", re_words}, {"wordset", re_wordset}, {"gsub", re_gsub}, {"split", re_split}, {"lower", re_lower},
      {"upper", re_upper}, {"fold", re_fold}, {"wordinfo", re_wordinfo},
      {NULL, NULL},
  };
  luaL_newlibtable(L, fns);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &re_state_key); /* the state, as every function's upvalue */
  luaL_setfuncs(L, fns, 1);
}
