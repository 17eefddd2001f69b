/* The rule sandbox: a Lua state with only base (minus the file and bytecode
 * loaders), string (minus dump), table, math and utf8; library tables and
 * the document are read-only proxies; unknown globals are errors; a count
 * hook and a counting allocator enforce per-call budgets that a rule's own
 * pcall cannot swallow (after a stop, every further instruction stops
 * again). */
#include "worker.h"

#include <hunspell.h>
#include <pthread.h>
#include <lualib.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "regex.h"

#define FROZEN_MT "rasoat.frozen"
/* registry key of the proxy cache: an address, so a look-up hashes no string */
static const char frozen_cache_key;
#define GLOBALS_KEY "rasoat.globals"
#define ENV_MT "rasoat.env"
#define BLOCKED_MT "rasoat.blocked"

static rs_worker *worker_of(lua_State *L) { return *(rs_worker **)lua_getextraspace(L); }

/* ---- allocator with a budget ---- */

/* Lua's small blocks (strings, tables, hash parts, proxies...) come from
 * per-state free lists by 16-byte size class, carved from 64 KiB chunks:
 * a pop or a push instead of a malloc/realloc/free round trip (Lua always
 * gives the block's size when it frees or resizes one, so the blocks carry
 * no header). Nothing changes in what is counted against the budget:
 * mem_used still adds up the sizes Lua asks for.
 *
 * The pool never gives memory back before the state closes, and a block
 * freed in one size class cannot serve another, so it is capped at
 * POOL_MAX_CHUNKS chunks (16 MiB) per state: past that, small blocks go to
 * malloc too, which coalesces. Chunks are aligned on their size, so a
 * block's chunk is its address rounded down, looked up in a small hash set
 * of chunk addresses: that tells a pooled block from a malloc'd one of the
 * same size. Bigger blocks always go to malloc. The chunks are released
 * with the state (when Lua frees its main block, the last thing lua_close
 * does). Address sanitizer builds use malloc for everything, so they still
 * see every block. */
#if defined(__SANITIZE_ADDRESS__)
#define RS_NO_POOL 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RS_NO_POOL 1
#endif
#endif
#define POOL_MAX 512
#define POOL_GRAIN 16
#define POOL_NCLS (POOL_MAX / POOL_GRAIN + 1)
#define POOL_CHUNK ((size_t)64 * 1024)
#define POOL_MAX_CHUNKS 256
#define POOL_SET 1024 /* hash set of chunk addresses: > 2 x POOL_MAX_CHUNKS, a power of 2 */

typedef struct w_pool {
  rs_worker *w;
  void *freel[POOL_NCLS];
  char *bump;
  size_t left;
  uintptr_t set[POOL_SET]; /* the chunks (0: empty slot) */
  size_t nchunks;
  void *lg;          /* Lua's main block: its release closes the pool */
  int *closed;       /* set when the pool is released (during lua_newstate) */
} w_pool;

static size_t pool_class(size_t n) { return (n + POOL_GRAIN - 1) / POOL_GRAIN; }

static size_t set_slot(uintptr_t c) { return (size_t)((c / POOL_CHUNK) * 2654435761u) & (POOL_SET - 1); }

/* whether the block at p of n bytes came from the pool */
static int in_pool(const w_pool *pl, const void *p, size_t n) {
  if (n == 0 || n > POOL_MAX || !pl->nchunks) return 0;
  uintptr_t c = (uintptr_t)p & ~(uintptr_t)(POOL_CHUNK - 1);
  for (size_t i = set_slot(c);; i = (i + 1) & (POOL_SET - 1)) {
    if (pl->set[i] == c) return 1;
    if (!pl->set[i]) return 0;
  }
}

/* a block of class cls from the pool, or NULL (pool full or no memory:
 * the caller uses malloc) */
static void *pool_get(w_pool *pl, size_t cls) {
#ifdef RS_NO_POOL
  (void)pl;
  (void)cls;
  return NULL;
#else
  void *b = pl->freel[cls];
  if (b) {
    pl->freel[cls] = *(void **)b;
    return b;
  }
  size_t sz = cls * POOL_GRAIN;
  if (pl->left < sz) {
    if (pl->nchunks >= POOL_MAX_CHUNKS) return NULL;
    char *c = aligned_alloc(POOL_CHUNK, POOL_CHUNK);
    if (!c) return NULL;
    /* the old chunk's tail becomes one free block of its size */
    if (pl->left >= POOL_GRAIN) {
      size_t tc = pl->left / POOL_GRAIN;
      *(void **)pl->bump = pl->freel[tc];
      pl->freel[tc] = pl->bump;
    }
    size_t i = set_slot((uintptr_t)c);
    while (pl->set[i]) i = (i + 1) & (POOL_SET - 1);
    pl->set[i] = (uintptr_t)c;
    pl->nchunks++;
    pl->bump = c;
    pl->left = POOL_CHUNK;
  }
  b = pl->bump;
  pl->bump += sz;
  pl->left -= sz;
  return b;
#endif
}

static void pool_put(w_pool *pl, void *b, size_t cls) {
  *(void **)b = pl->freel[cls];
  pl->freel[cls] = b;
}

static void pool_close(w_pool *pl) {
  for (size_t i = 0; i < POOL_SET; i++)
    if (pl->set[i]) free((void *)pl->set[i]);
  if (pl->closed) *pl->closed = 1;
  free(pl);
}

static void *w_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  w_pool *pl = ud;
  rs_worker *w = pl->w;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    if (ptr) {
      int lg = ptr == pl->lg;
      if (in_pool(pl, ptr, old)) pool_put(pl, ptr, pool_class(old));
      else free(ptr);
      w->mem_used -= old;
      if (lg) pool_close(pl);
      return NULL;
    }
    return NULL;
  }
  if (nsize > old && w->mem_limit && w->mem_used + (nsize - old) > w->mem_limit) {
    /* Lua answers a refusal with an emergency full collection and asks
     * again: only a second refusal of the same request means the rule
     * really holds more than its budget (garbage does not count) */
    if (w->refused && w->refused_ptr == ptr && w->refused_size == nsize) w->flag_memory = 1;
    w->refused = 1;
    w->refused_ptr = ptr;
    w->refused_size = nsize;
    return NULL;
  }
  void *p = NULL;
  int opool = ptr && in_pool(pl, ptr, old);
  if (opool && nsize <= POOL_MAX && pool_class(old) == pool_class(nsize)) {
    p = ptr; /* same class: the block already fits */
  } else {
    if (nsize <= POOL_MAX && (!ptr || opool || old <= POOL_MAX)) p = pool_get(pl, pool_class(nsize));
    if (p) {
      if (ptr) {
        memcpy(p, ptr, old < nsize ? old : nsize);
        if (opool) pool_put(pl, ptr, pool_class(old));
        else free(ptr);
      }
    } else if (!opool) {
      p = realloc(ptr, nsize);
    } else {
      p = malloc(nsize);
      if (p) {
        memcpy(p, ptr, old < nsize ? old : nsize);
        pool_put(pl, ptr, pool_class(old));
      }
    }
  }
  if (!p) return NULL;
  if (!ptr && !pl->lg) pl->lg = p; /* lua_newstate's first block */
  w->refused = 0;
  w->mem_used = w->mem_used - old + nsize;
  return p;
}

/* ---- budgets ---- */

static int past_deadline(const rs_worker *w) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec > w->deadline.tv_sec ||
         (now.tv_sec == w->deadline.tv_sec && now.tv_nsec > w->deadline.tv_nsec);
}

static void w_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  rs_worker *w = worker_of(L);
  if (!w->in_rule) return;
  if (!w->flag_timeout && !w->flag_memory && !w->flag_blocked) {
    w->instr += RS_HOOK_STEP;
    if (w->instr > w->instr_budget || past_deadline(w)) w->flag_timeout = 1;
  }
  if (w->flag_timeout || w->flag_memory || w->flag_blocked) {
    /* re-arm at every instruction: the rule's own pcall cannot go on */
    lua_sethook(L, w_hook, LUA_MASKCOUNT, 1);
    luaL_error(L, "rule stopped: %s", w->flag_timeout ? "time budget exceeded"
                                      : w->flag_memory ? "memory budget exceeded"
                                                       : "blocked function called");
  }
}

void rs_budget_begin(rs_worker *w) {
  w->instr = 0;
  /* budgets grow with the document: 200 instructions and 1 µs per byte of
   * text above the base, so a long report is not a runaway rule */
  long long extra = 200LL * (long long)w->doc_bytes;
  if (extra > 500000000LL) extra = 500000000LL;
  w->instr_budget = w->e->budget.instructions + extra;
  clock_gettime(CLOCK_MONOTONIC, &w->deadline);
  long long extra_ms = (long long)(w->doc_bytes / 1000);
  if (extra_ms > 20000) extra_ms = 20000;
  long long ms = w->e->budget.wall_ms + extra_ms;
  w->wall_budget_ms = ms;
  w->deadline.tv_sec += ms / 1000;
  w->deadline.tv_nsec += (ms % 1000) * 1000000L;
  if (w->deadline.tv_nsec >= 1000000000L) {
    w->deadline.tv_sec++;
    w->deadline.tv_nsec -= 1000000000L;
  }
  w->flag_timeout = w->flag_memory = w->flag_blocked = 0;
  w->refused = 0;
  w->blocked[0] = 0;
  w->mem_limit = w->mem_used + w->e->budget.memory;
  w->in_rule = 1;
  lua_sethook(w->L, w_hook, LUA_MASKCOUNT, RS_HOOK_STEP);
}

void rs_budget_end(rs_worker *w) {
  w->in_rule = 0;
  w->mem_limit = 0;
  lua_sethook(w->L, NULL, 0, 0);
}

/* ---- message handler ---- */

int rs_msgh(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (!msg) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) {
      msg = lua_tostring(L, -1);
    } else {
      msg = lua_pushfstring(L, "error object is a %s value", luaL_typename(L, 1));
    }
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* ---- read-only proxies ---- */

/* Replace the table at the top by its proxy: cache and mt are the indexes
 * of the proxy cache and of the proxies' metatable. */
static void freeze_with(lua_State *L, int cache, int mt) {
  lua_pushvalue(L, -1);
  if (lua_rawget(L, cache) == LUA_TUSERDATA) {
    lua_replace(L, -2);
    return;
  }
  lua_pop(L, 1);
  lua_newuserdatauv(L, 0, 1);
  lua_pushvalue(L, -2);
  lua_setiuservalue(L, -2, 1);
  lua_pushvalue(L, mt);
  lua_setmetatable(L, -2);
  /* cache[raw] = proxy */
  lua_pushvalue(L, -2);
  lua_pushvalue(L, -2);
  lua_rawset(L, cache);
  lua_replace(L, -2);
}

/* The proxy methods are closures over the cache (upvalue 1) and the
 * metatable (upvalue 2): no registry look-up per access. */
#define UV_CACHE lua_upvalueindex(1)
#define UV_MT lua_upvalueindex(2)

static int frozen_index(lua_State *L) {
  lua_getiuservalue(L, 1, 1);
  lua_pushvalue(L, 2);
  if (lua_rawget(L, -2) == LUA_TTABLE) freeze_with(L, UV_CACHE, UV_MT);
  return 1;
}

static int frozen_newindex(lua_State *L) {
  const char *k = lua_tostring(L, 2);
  return luaL_error(L, "attempt to modify a read-only table (field '%s')", k ? k : "?");
}

static int frozen_len(lua_State *L) {
  lua_getiuservalue(L, 1, 1);
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
  return 1;
}

static int frozen_next(lua_State *L) {
  lua_getiuservalue(L, 1, 1);
  lua_pushvalue(L, 2);
  if (!lua_next(L, -2)) {
    lua_pushnil(L);
    return 1;
  }
  if (lua_type(L, -1) == LUA_TTABLE) freeze_with(L, UV_CACHE, UV_MT);
  return 2;
}

/* upvalue 3: the frozen_next closure */
static int frozen_pairs(lua_State *L) {
  lua_pushvalue(L, lua_upvalueindex(3));
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

void rs_freeze(lua_State *L) {
  if (lua_type(L, -1) != LUA_TTABLE) return;
  lua_rawgetp(L, LUA_REGISTRYINDEX, &frozen_cache_key);
  luaL_getmetatable(L, FROZEN_MT);
  lua_rotate(L, -3, 2); /* cache, mt, table */
  int top = lua_gettop(L);
  freeze_with(L, top - 2, top - 1);
  lua_replace(L, -3); /* proxy where the cache was */
  lua_pop(L, 1);
}

/* ---- blocked functions ---- */

static int blocked_call(lua_State *L) {
  rs_worker *w = worker_of(L);
  const char *name = lua_tostring(L, lua_upvalueindex(1));
  w->flag_blocked = 1;
  snprintf(w->blocked, sizeof w->blocked, "%s", name ? name : "?");
  return luaL_error(L, "blocked function called: %s", name ? name : "?");
}

static void push_blocked(lua_State *L, const char *name) {
  lua_pushstring(L, name);
  lua_pushcclosure(L, blocked_call, 1);
}

/* a library that is not available: any field is a blocked function */
static int blocked_lib_index(lua_State *L) {
  lua_getiuservalue(L, 1, 1);
  const char *lib = lua_tostring(L, -1);
  const char *k = lua_tostring(L, 2);
  lua_pushfstring(L, "%s.%s", lib ? lib : "?", k ? k : "?");
  lua_pushcclosure(L, blocked_call, 1);
  return 1;
}

static void push_blocked_lib(lua_State *L, const char *name) {
  lua_newuserdatauv(L, 0, 1);
  lua_pushstring(L, name);
  lua_setiuservalue(L, -2, 1);
  luaL_setmetatable(L, BLOCKED_MT);
}

/* ---- environments ---- */

static int env_index(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, GLOBALS_KEY);
  lua_pushvalue(L, 2);
  if (lua_rawget(L, -2) != LUA_TNIL) return 1;
  const char *k = lua_tostring(L, 2);
  return luaL_error(L, "unknown global '%s'", k ? k : "?");
}

static int env_newindex(lua_State *L) {
  const char *k = lua_tostring(L, 2);
  return luaL_error(L, "assignment to global '%s' (declare it local)", k ? k : "?");
}

void rs_sandbox_newenv(lua_State *L) {
  lua_newtable(L);
  luaL_setmetatable(L, ENV_MT);
}

/* load(chunk [, name [, mode [, env]]]): text chunks only, in a sandbox env */
static int safe_load(lua_State *L) {
  size_t len = 0;
  const char *s = lua_tolstring(L, 1, &len);
  if (!s) return luaL_error(L, "load: only string chunks are allowed");
  if (len > 0 && s[0] == 0x1b) {
    lua_pushstring(L, "load (binary chunk)");
    lua_pushcclosure(L, blocked_call, 1);
    lua_call(L, 0, 0);
    return 0;
  }
  const char *name = luaL_optstring(L, 2, "=(load)");
  int st = luaL_loadbufferx(L, s, len, name, "t");
  if (st != LUA_OK) {
    lua_pushnil(L);
    lua_insert(L, -2);
    return 2;
  }
  if (!lua_isnoneornil(L, 4)) lua_pushvalue(L, 4);
  else rs_sandbox_newenv(L);
  if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
  return 1;
}

/* type(): read-only proxies are tables for rule code */
static int safe_type(lua_State *L) {
  luaL_checkany(L, 1);
  if (lua_type(L, 1) == LUA_TUSERDATA && lua_getmetatable(L, 1)) {
    luaL_getmetatable(L, FROZEN_MT);
    int frozen = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    if (frozen) {
      lua_pushliteral(L, "table");
      return 1;
    }
  }
  lua_pushstring(L, luaL_typename(L, 1));
  return 1;
}

static int safe_print(lua_State *L) {
  if (!getenv("RASOAT_DEBUG")) return 0;
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    fprintf(stderr, "%s%s", i > 1 ? "\t" : "", luaL_tolstring(L, i, NULL));
    lua_pop(L, 1);
  }
  fputc('\n', stderr);
  return 0;
}

/* copy of a library table, minus names, frozen */
static void push_lib_copy(lua_State *L, const char *lib, const char *const *drop) {
  lua_getglobal(L, lib);
  lua_newtable(L);
  lua_pushnil(L);
  while (lua_next(L, -3)) {
    int skip = 0;
    if (lua_type(L, -2) == LUA_TSTRING)
      for (const char *const *d = drop; d && *d; d++)
        if (!strcmp(lua_tostring(L, -2), *d)) skip = 1;
    if (skip) {
      lua_pop(L, 1);
      continue;
    }
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
  lua_remove(L, -2);
}

int rs_sandbox_open(rs_worker *w) {
  w_pool *pl = calloc(1, sizeof *pl);
  if (!pl) return RS_ENOMEM;
  pl->w = w;
  int closed = 0;
  pl->closed = &closed;
  lua_State *L = lua_newstate(w_alloc, pl);
  if (!L) {
    if (!closed) free(pl); /* else lua_newstate released it with its block */
    return RS_ENOMEM;
  }
  pl->closed = NULL;
  w->L = L;
  *(rs_worker **)lua_getextraspace(L) = w;

  /* open only what rules may use (as lua.c's luaL_openlibs loop does) */
  static const luaL_Reg libs[] = {
      {LUA_GNAME, luaopen_base}, {LUA_STRLIBNAME, luaopen_string}, {LUA_TABLIBNAME, luaopen_table},
      {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8}, {NULL, NULL},
  };
  for (const luaL_Reg *l = libs; l->func; l++) {
    luaL_requiref(L, l->name, l->func, 1);
    lua_pop(L, 1);
  }

  /* the string metatable's __index is the real string table: remove dump
   * from it and hide the metatable from getmetatable */
  lua_getglobal(L, "string");
  push_blocked(L, "string.dump");
  lua_setfield(L, -2, "dump");
  lua_pop(L, 1);
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);

  /* proxy cache with weak keys and values */
  lua_newtable(L);
  lua_newtable(L);
  lua_pushliteral(L, "kv");
  lua_setfield(L, -2, "__mode");
  lua_setmetatable(L, -2);
  lua_pushvalue(L, -1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &frozen_cache_key);

  /* metatables */
  luaL_newmetatable(L, FROZEN_MT);
  static const lua_CFunction frozen_fns[] = {frozen_index, frozen_newindex, frozen_len, frozen_next};
  static const char *const frozen_names[] = {"__index", "__newindex", "__len", NULL};
  for (int i = 0; i < 4; i++) {
    lua_pushvalue(L, -2); /* cache */
    lua_pushvalue(L, -2); /* metatable */
    lua_pushcclosure(L, frozen_fns[i], 2);
    if (frozen_names[i]) lua_setfield(L, -2, frozen_names[i]);
  }
  /* __pairs returns the one frozen_next closure (on the stack) */
  lua_pushvalue(L, -3);
  lua_pushvalue(L, -3);
  lua_rotate(L, -3, 2);
  lua_pushcclosure(L, frozen_pairs, 3);
  lua_setfield(L, -2, "__pairs");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);

  luaL_newmetatable(L, BLOCKED_MT);
  lua_pushcfunction(L, blocked_lib_index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, frozen_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);

  luaL_newmetatable(L, ENV_MT);
  lua_pushcfunction(L, env_index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, env_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);

  /* the allowed globals */
  lua_newtable(L);
  static const char *const base_ok[] = {"assert", "error", "ipairs", "next", "pairs", "pcall",
                                        "rawequal", "rawget", "rawlen", "rawset", "select",
                                        "setmetatable", "getmetatable", "tonumber", "tostring",
                                        "xpcall", "_VERSION", NULL};
  for (const char *const *n = base_ok; *n; n++) {
    lua_getglobal(L, *n);
    lua_setfield(L, -2, *n);
  }
  lua_pushcfunction(L, safe_load);
  lua_setfield(L, -2, "load");
  lua_pushcfunction(L, safe_print);
  lua_setfield(L, -2, "print");
  lua_pushcfunction(L, safe_type);
  lua_setfield(L, -2, "type");
  static const char *const blocked_fns[] = {"dofile", "loadfile", "require", "collectgarbage", NULL};
  for (const char *const *n = blocked_fns; *n; n++) {
    push_blocked(L, *n);
    lua_setfield(L, -2, *n);
  }
  static const char *const blocked_libs[] = {"io", "os", "debug", "package", "coroutine", NULL};
  for (const char *const *n = blocked_libs; *n; n++) {
    push_blocked_lib(L, *n);
    lua_setfield(L, -2, *n);
  }
  static const char *const nodump[] = {"dump", NULL};
  push_lib_copy(L, "string", nodump);
  push_blocked(L, "string.dump");
  lua_setfield(L, -2, "dump");
  rs_freeze(L);
  lua_setfield(L, -2, "string");
  static const char *const plain[] = {"table", "math", "utf8", NULL};
  for (const char *const *n = plain; *n; n++) {
    push_lib_copy(L, *n, NULL);
    rs_freeze(L);
    lua_setfield(L, -2, *n);
  }
  rs_regex_limits rl = {w->e->budget.re_match_limit, w->e->budget.re_depth_limit};
  rs_regex_open(L, &rl);
  rs_freeze(L);
  lua_setfield(L, -2, "re");
  lua_setfield(L, LUA_REGISTRYINDEX, GLOBALS_KEY);

  /* nothing is reachable through _G for rules: they only see their env */
  return 0;
}

/* ---- spell: Hunspell with the Vietnamese dictionary ----
 *   spell.check(word) -> boolean      spell.suggest(word) -> array
 * One dictionary for the whole process, shared by the workers: loaded on a
 * thread of its own when the first worker starts (rs_spell_prefetch), else
 * on first use, and freed when the last worker that holds it is. Hunspell's
 * look-ups keep state in the handle (the affix being tried), so calls are
 * made one at a time under rs_spell_mutex; workers memoize the answers, so
 * few calls are made. */

pthread_mutex_t rs_spell_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t spell_cv = PTHREAD_COND_INITIALIZER;
static Hunhandle *spell_h;      /* the dictionary, once loaded */
static int spell_state;         /* 0 not started, 1 loading, 2 done (spell_h may be NULL: no dictionary) */
static int spell_users;         /* workers holding the dictionary */
static pthread_t spell_thread;
static int spell_thread_live;   /* spell_thread not yet joined */

static void spell_paths(char *aff, char *dic, size_t n) {
  const char *dir = getenv("RASOAT_HUNSPELL_DIR");
  snprintf(aff, n, "%s/vi_VN.aff", dir ? dir : "/usr/share/hunspell");
  snprintf(dic, n, "%s/vi_VN.dic", dir ? dir : "/usr/share/hunspell");
}

/* Load the dictionary (outside the lock), then publish it. */
static void spell_load(void) {
  char aff[512], dic[512];
  spell_paths(aff, dic, sizeof aff);
  Hunhandle *h = NULL;
  FILE *f = fopen(dic, "r");
  if (f) {
    fclose(f);
    h = Hunspell_create(aff, dic);
  }
  pthread_mutex_lock(&rs_spell_mutex);
  spell_h = h;
  spell_state = 2;
  pthread_cond_broadcast(&spell_cv);
  pthread_mutex_unlock(&rs_spell_mutex);
}

static void *spell_loader_main(void *arg) {
  (void)arg;
  spell_load();
  return NULL;
}

void rs_spell_prefetch(rs_worker *w) {
  pthread_mutex_lock(&rs_spell_mutex);
  if (!w->spell) {
    w->spell = (void *)1; /* holds a reference */
    spell_users++;
  }
  if (spell_state == 0) {
    spell_state = 1;
    if (pthread_create(&spell_thread, NULL, spell_loader_main, NULL) == 0) {
      spell_thread_live = 1;
    } else {
      pthread_mutex_unlock(&rs_spell_mutex);
      spell_load();
      return;
    }
  }
  pthread_mutex_unlock(&rs_spell_mutex);
}

/* Called with rs_spell_mutex held: the dictionary once loaded (NULL when
 * there is none). */
static Hunhandle *spell_ready_locked(void) {
  if (spell_state == 0) {
    spell_state = 1;
    pthread_mutex_unlock(&rs_spell_mutex);
    spell_load();
    pthread_mutex_lock(&rs_spell_mutex);
  }
  while (spell_state != 2) pthread_cond_wait(&spell_cv, &rs_spell_mutex);
  return spell_h;
}

void rs_spell_wait(rs_worker *w) {
  (void)w;
  pthread_mutex_lock(&rs_spell_mutex);
  if (spell_state != 0) spell_ready_locked();
  pthread_mutex_unlock(&rs_spell_mutex);
}

void rs_spell_release(rs_worker *w) {
  if (!w->spell) return;
  w->spell = NULL;
  pthread_mutex_lock(&rs_spell_mutex);
  if (spell_state != 0) spell_ready_locked();
  int last = --spell_users == 0;
  int join = last && spell_thread_live;
  Hunhandle *h = last ? spell_h : NULL;
  if (last) {
    spell_thread_live = 0;
    spell_h = NULL;
    spell_state = 0;
  }
  /* under the lock: no other load may start meanwhile (Hunspell keeps a
   * process-wide table with a plain reference count); the loader has
   * already published and let go of the lock */
  if (join) pthread_join(spell_thread, NULL);
  if (h) Hunspell_destroy(h);
  pthread_mutex_unlock(&rs_spell_mutex);
}

/* Locks rs_spell_mutex and returns the dictionary, or raises an error. */
static Hunhandle *spell_lock(lua_State *L) {
  rs_worker *w = worker_of(L);
  if (!w->spell) rs_spell_prefetch(w);
  pthread_mutex_lock(&rs_spell_mutex);
  Hunhandle *h = spell_ready_locked();
  if (!h) {
    pthread_mutex_unlock(&rs_spell_mutex);
    char aff[512], dic[512];
    spell_paths(aff, dic, sizeof aff);
    luaL_error(L, "spell: Vietnamese dictionary not found (%s): install hunspell-vi", dic);
    return NULL;
  }
  return h;
}

static int spell_check(lua_State *L) {
  const char *word = luaL_checkstring(L, 1);
  Hunhandle *h = spell_lock(L);
  int ok = Hunspell_spell(h, word) != 0;
  pthread_mutex_unlock(&rs_spell_mutex);
  lua_pushboolean(L, ok);
  return 1;
}

static int spell_suggest(lua_State *L) {
  const char *word = luaL_checkstring(L, 1);
  Hunhandle *h = spell_lock(L);
  char **list = NULL;
  int n = Hunspell_suggest(h, &list, word);
  /* copy out before unlocking; the Lua calls below may raise errors */
  char **copy = n > 0 ? calloc((size_t)n, sizeof *copy) : NULL;
  int m = 0;
  for (int i = 0; copy && i < n; i++)
    if ((copy[m] = strdup(list[i]))) m++;
  if (list) Hunspell_free_list(h, &list, n);
  pthread_mutex_unlock(&rs_spell_mutex);
  lua_createtable(L, m, 0);
  for (int i = 0; i < m; i++) {
    lua_pushstring(L, copy[i]);
    free(copy[i]);
    lua_rawseti(L, -2, i + 1);
  }
  free(copy);
  return 1;
}

void rs_spell_open(rs_worker *w) {
  lua_State *L = w->L;
  lua_getfield(L, LUA_REGISTRYINDEX, GLOBALS_KEY);
  lua_newtable(L);
  lua_pushcfunction(L, spell_check);
  lua_setfield(L, -2, "check");
  lua_pushcfunction(L, spell_suggest);
  lua_setfield(L, -2, "suggest");
  rs_freeze(L);
  lua_setfield(L, -2, "spell");
  lua_pop(L, 1);
}
