/* On-disk cache of compiled Lua chunks; see chunkcache.h. */
#define _POSIX_C_SOURCE 200809L
#include "chunkcache.h"

#include <errno.h>
#include <fcntl.h>
#include <lauxlib.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ENTRY_MAX (16u << 20) /* a compiled chunk is a few tens of KiB */

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int disabled;
static char cache_dir[4096];
static int cache_ok;

void rs_chunk_cache_disable(void) { disabled = 1; }

/* A folder we may trust: a real directory, ours, closed to others. */
static int dir_trusted(const char *d) {
  struct stat st;
  if (lstat(d, &st) != 0 || !S_ISDIR(st.st_mode)) return 0;
  return st.st_uid == geteuid() && (st.st_mode & 022) == 0;
}

/* mkdir -p with mode 0700 for the folders we create */
static int make_dirs(char *path) {
  for (char *p = path + 1; *p; p++) {
    if (*p != '/') continue;
    *p = 0;
    int r = mkdir(path, 0700);
    *p = '/';
    if (r != 0 && errno != EEXIST) return -1;
  }
  return mkdir(path, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

static void init_dir(void) {
  if (disabled) return;
  const char *env = getenv("RASOAT_CACHE");
  int n;
  if (env && (!strcmp(env, "off") || !strcmp(env, "0") || !*env)) return;
  if (env) {
    n = snprintf(cache_dir, sizeof cache_dir, "%s", env);
  } else {
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    if (xdg && xdg[0] == '/') n = snprintf(cache_dir, sizeof cache_dir, "%s/rasoat", xdg);
    else if (home && home[0] == '/') n = snprintf(cache_dir, sizeof cache_dir, "%s/.cache/rasoat", home);
    else return;
  }
  if (n <= 0 || (size_t)n >= sizeof cache_dir - 64) return;
  if (!dir_trusted(cache_dir) && make_dirs(cache_dir) != 0) return;
  cache_ok = dir_trusted(cache_dir);
}

const char *rs_chunk_cache_dir(void) {
  pthread_once(&once, init_dir);
  return cache_ok && !disabled ? cache_dir : NULL;
}

/* Two independent 64-bit hashes over 8-byte words (not cryptographic: the
 * folder is private; they tell a changed source or a damaged entry). */
typedef struct hash2 {
  uint64_t a, b;
} hash2;

static uint64_t mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

static void hash_add(hash2 *h, const void *data, size_t n) {
  const unsigned char *p = data;
  uint64_t a = h->a, b = h->b;
  while (n >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    a = (a ^ w) * 0x100000001b3ULL;
    a = (a << 29) | (a >> 35);
    b = (b + w) * 0x9e3779b97f4a7c15ULL;
    b ^= b >> 31;
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  memcpy(&w, p, n);
  w ^= (uint64_t)n << 56;
  a = (a ^ w) * 0x100000001b3ULL;
  b = (b + w) * 0x9e3779b97f4a7c15ULL;
  h->a = mix(a);
  h->b = mix(b ^ a);
}

typedef struct entry_head {
  char magic[8];   /* "RSLUAC1\0" */
  uint64_t srclen; /* the source this was compiled from */
  uint64_t src_a, src_b;
  uint64_t bclen;  /* the bytecode that follows */
  uint64_t bc_a, bc_b;
} entry_head;

static const char MAGIC[8] = "RSLUAC1";

static hash2 source_key(const char *src, size_t len, const char *chunkname) {
  hash2 h = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
  const char *tag = "rasoat-chunk-1 " LUA_RELEASE;
  hash_add(&h, tag, strlen(tag) + 1);
  hash_add(&h, chunkname, strlen(chunkname) + 1);
  hash_add(&h, src, len);
  return h;
}

static hash2 bytes_hash(const char *p, size_t n) {
  hash2 h = {0x9ae16a3b2f90404fULL, 0xc3a5c85c97cb3127ULL};
  hash_add(&h, p, n);
  return h;
}

typedef struct dumpbuf {
  char *b;
  size_t n, cap;
  int oom;
} dumpbuf;

static int dump_writer(lua_State *L, const void *p, size_t sz, void *ud) {
  (void)L;
  dumpbuf *d = ud;
  if (d->n + sz > d->cap) {
    size_t nc = d->cap ? d->cap * 2 : 4096;
    while (nc < d->n + sz) nc *= 2;
    char *nb = realloc(d->b, nc);
    if (!nb) {
      d->oom = 1;
      return 1;
    }
    d->b = nb;
    d->cap = nc;
  }
  memcpy(d->b + d->n, p, sz);
  d->n += sz;
  return 0;
}

char *rs_chunk_dump(lua_State *L, size_t *len) {
  dumpbuf d = {0};
  if (lua_dump(L, dump_writer, &d, 0) != 0 || d.oom) {
    free(d.b);
    return NULL;
  }
  *len = d.n;
  return d.b;
}

static void entry_path(char *out, size_t cap, const char *dir, hash2 k) {
  snprintf(out, cap, "%s/%016llx%016llx.luac", dir, (unsigned long long)k.a, (unsigned long long)k.b);
}

/* Load the entry for key into L; 1 when loaded. With keep, the bytecode
 * is handed back in *keep (malloc'd) instead of being freed. */
static int entry_load(lua_State *L, const char *path, hash2 key, size_t srclen, const char *chunkname, char **keep,
                      size_t *keeplen) {
  int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return 0;
  struct stat st;
  char *buf = NULL;
  int ok = 0;
  entry_head h;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 022) == 0 &&
      (size_t)st.st_size > sizeof(entry_head) && (size_t)st.st_size <= ENTRY_MAX &&
      (buf = malloc((size_t)st.st_size)) != NULL) {
    size_t want = (size_t)st.st_size, got = 0;
    while (got < want) {
      ssize_t r = read(fd, buf + got, want - got);
      if (r <= 0) break;
      got += (size_t)r;
    }
    if (got == want) {
      memcpy(&h, buf, sizeof h);
      hash2 bh = bytes_hash(buf + sizeof h, want - sizeof h);
      ok = !memcmp(h.magic, MAGIC, sizeof MAGIC) && h.srclen == srclen && h.src_a == key.a && h.src_b == key.b &&
           h.bclen == want - sizeof h && h.bc_a == bh.a && h.bc_b == bh.b;
    }
    if (ok) {
      ok = luaL_loadbufferx(L, buf + sizeof h, (size_t)h.bclen, chunkname, "b") == LUA_OK;
      if (!ok) lua_pop(L, 1);
    }
  }
  close(fd);
  if (ok && keep) {
    memmove(buf, buf + sizeof h, (size_t)h.bclen);
    *keep = buf;
    *keeplen = (size_t)h.bclen;
  } else {
    free(buf);
  }
  return ok;
}

/* Write bytecode bc as the entry for key (atomically: a private temporary
 * file renamed over the name). Failures are ignored. */
static void entry_store(const char *bc, size_t bclen, const char *dir, const char *path, hash2 key, size_t srclen) {
  entry_head h;
  memset(&h, 0, sizeof h);
  memcpy(h.magic, MAGIC, sizeof MAGIC);
  h.srclen = srclen;
  h.src_a = key.a;
  h.src_b = key.b;
  h.bclen = bclen;
  hash2 bh = bytes_hash(bc, bclen);
  h.bc_a = bh.a;
  h.bc_b = bh.b;
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s/.tmp-XXXXXX", dir);
  int fd = mkstemp(tmp); /* mode 0600 */
  if (fd < 0) return;
  int ok = write(fd, &h, sizeof h) == (ssize_t)sizeof h && write(fd, bc, bclen) == (ssize_t)bclen;
  ok = close(fd) == 0 && ok;
  if (!ok || rename(tmp, path) != 0) unlink(tmp);
}

/* ---- chunks compiled in this process ----
 * Every worker needs the same rule, lib() and rules_data() chunks: the
 * first compile (or disk load) keeps the bytecode here, keyed like the disk
 * entries, and the other workers load it from memory. Entries are never
 * changed or freed before exit (a few dozen, a few hundred KiB in all). */
#define MEM_MAX 4096

typedef struct mem_entry {
  struct mem_entry *next;
  hash2 key;
  size_t srclen;
  char *bc;
  size_t bclen;
} mem_entry;

static pthread_mutex_t mem_mu = PTHREAD_MUTEX_INITIALIZER;
static mem_entry *mem_head;
static size_t mem_n;

static const mem_entry *mem_find(hash2 key, size_t srclen) {
  pthread_mutex_lock(&mem_mu);
  const mem_entry *m = mem_head;
  while (m && !(m->key.a == key.a && m->key.b == key.b && m->srclen == srclen)) m = m->next;
  pthread_mutex_unlock(&mem_mu);
  return m;
}

/* Keep bc (taken over) for key, unless full or already there. */
static void mem_keep(hash2 key, size_t srclen, char *bc, size_t bclen) {
  mem_entry *m = mem_n < MEM_MAX && !mem_find(key, srclen) ? malloc(sizeof *m) : NULL;
  if (!m) {
    free(bc);
    return;
  }
  m->key = key;
  m->srclen = srclen;
  m->bc = bc;
  m->bclen = bclen;
  pthread_mutex_lock(&mem_mu);
  m->next = mem_head;
  mem_head = m;
  mem_n++;
  pthread_mutex_unlock(&mem_mu);
}

int rs_chunk_load(lua_State *L, const char *src, size_t len, const char *chunkname) {
  hash2 key = source_key(src, len, chunkname);
  const mem_entry *m = mem_find(key, len);
  if (m) {
    if (luaL_loadbufferx(L, m->bc, m->bclen, chunkname, "b") == LUA_OK) return LUA_OK;
    lua_pop(L, 1);
  }
  const char *dir = rs_chunk_cache_dir();
  char path[4200];
  char *bc = NULL;
  size_t bclen = 0;
  if (dir) {
    entry_path(path, sizeof path, dir, key);
    if (entry_load(L, path, key, len, chunkname, &bc, &bclen)) {
      mem_keep(key, len, bc, bclen);
      return LUA_OK;
    }
  }
  int st = luaL_loadbufferx(L, src, len, chunkname, "t");
  if (st != LUA_OK || !(bc = rs_chunk_dump(L, &bclen))) return st;
  if (dir) entry_store(bc, bclen, dir, path, key, len);
  mem_keep(key, len, bc, bclen);
  return st;
}
